package cn.cac.gzh.wechat;

/** The mini-program's login and phone-number calls. Throws {@link WechatCallException}. */
public interface MiniProgramGateway {

    /** Exchanges a {@code wx.login} code for the user's identity. */
    MiniProgramSession login(String code);

    /** The phone number behind a {@code getPhoneNumber} button code (pure 11 digits for mainland numbers). */
    String phoneNumber(String code);
}
