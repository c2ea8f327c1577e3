package cn.cac.gzh.wechat;

/**
 * What {@code jscode2session} returns. The session key never leaves the server.
 *
 * @param unionid {@code null} unless the mini-program is bound to an Open Platform account
 */
public record MiniProgramSession(String openid, String unionid, String sessionKey) {

    @Override
    public String toString() {
        return "MiniProgramSession[openid=" + openid + ", unionid=" + unionid + ", sessionKey=***]";
    }
}
