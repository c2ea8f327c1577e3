package cn.cac.gzh.wechat.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Map;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.api.impl.WxMaServiceImpl;
import cn.binarywang.wx.miniapp.bean.WxMaSubscribeMessage;
import cn.cac.gzh.wechat.MessageChannels;
import cn.cac.gzh.wechat.SendOutcome;
import cn.cac.gzh.wechat.SendOutcome.Result;
import cn.cac.gzh.wechat.WechatProperties;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateData;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateMessage;
import org.apache.http.client.HttpResponseException;
import org.apache.http.conn.ConnectTimeoutException;
import org.apache.http.conn.ConnectionPoolTimeoutException;

import org.springframework.stereotype.Component;

/**
 * WxJava behind {@link MessageChannels}. Own service instances share the configuration (tokens in
 * Redis, one HTTP pool) with the rest of the application but never retry by themselves: WxJava sleeps
 * on "-1" up to 31 s per call, which would stall a delivery worker.
 */
@Component
class WxJavaMessageChannels implements MessageChannels {

    private final WxMaService miniProgram;
    private final WxMpService officialAccount;
    private final String miniProgramAppId;
    private final WechatErrorMeter errors;

    WxJavaMessageChannels(WxMaService miniProgram, WxMpService officialAccount, WechatProperties properties,
            WechatErrorMeter errors) {
        this.errors = errors;
        var ma = new WxMaServiceImpl();
        ma.setWxMaConfig(miniProgram.getWxMaConfig());
        ma.setMaxRetryTimes(0);
        this.miniProgram = ma;
        var mp = new TokenRecheckingWxMpService();
        mp.setWxMpConfigStorage(officialAccount.getWxMpConfigStorage());
        mp.setMaxRetryTimes(0);
        this.officialAccount = mp;
        this.miniProgramAppId = properties.miniapp().appId();
    }

    @Override
    public SendOutcome sendSubscribe(String openid, String templateId, String page, Map<String, String> data) {
        var message = new WxMaSubscribeMessage().setToUser(openid).setTemplateId(templateId).setPage(page).setLang("zh_CN");
        data.forEach((name, value) -> message.addData(new WxMaSubscribeMessage.MsgData(name, value)));
        try {
            miniProgram.getMsgService().sendSubscribeMsg(message);
            return SendOutcome.sent(null);
        } catch (WxErrorException | RuntimeException e) {
            return counted(WechatErrorMeter.SUBSCRIBE_SEND, classify(e));
        }
    }

    @Override
    public SendOutcome sendTemplate(String openid, String templateId, String miniProgramPage, Map<String, String> data,
            String clientMsgId) {
        var miniProgramLink = new WxMpTemplateMessage.MiniProgram();
        miniProgramLink.setAppid(miniProgramAppId);
        miniProgramLink.setPagePath(miniProgramPage);
        var message = WxMpTemplateMessage.builder().toUser(openid).templateId(templateId).miniProgram(miniProgramLink)
                .clientMsgId(clientMsgId).build();
        data.forEach((name, value) -> message.addData(new WxMpTemplateData(name, value)));
        try {
            return SendOutcome.sent(officialAccount.getTemplateMsgService().sendTemplateMsg(message));
        } catch (WxErrorException | RuntimeException e) {
            return counted(WechatErrorMeter.TEMPLATE_SEND, classify(e));
        }
    }

    private SendOutcome counted(String api, SendOutcome failure) {
        errors.failed(api, failure.errorCode());
        return failure;
    }

    /** What the codes a delivery queue meets mean, for staff reading a failure. */
    private static final Map<Integer, String> MEANINGS = Map.of(
            -1, "system busy", 45011, "too frequent", 45009, "daily quota reached", 43004, "not a follower",
            43101, "user refused the subscription", 40003, "invalid openid", 40037, "invalid template id",
            47003, "template data invalid", 40001, "invalid access token");

    /** WeChat's answer codes; see shared/wechat.md. */
    static SendOutcome classify(int code, String message) {
        // WxJava's mini-program service replaces WeChat's errmsg by a generic text of its own ("超出重试次数")
        boolean own = message == null || message.isBlank() || message.contains("超出重试次数");
        String text = own ? MEANINGS.getOrDefault(code, "error") : message.replaceAll(",? ?rid: .*", "");
        Result result = switch (code) {
            case -1, 45011, 40001, 40014, 42001 -> Result.RETRY;
            case 45009 -> Result.QUOTA;
            default -> Result.FAILED;
        };
        return new SendOutcome(result, code, truncate((code + " " + text).strip()), null);
    }

    /**
     * WeChat answered with an error code, or no answer came (WxJava wraps I/O failures in a
     * WxErrorException of its own, code -99, or in an unchecked exception): did the request leave?
     * Connecting failed → surely not; anything later → maybe.
     */
    static SendOutcome classify(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpResponseException http) {
                return new SendOutcome(http.getStatusCode() >= 500 ? Result.RETRY : Result.FAILED, http.getStatusCode(),
                        "HTTP " + http.getStatusCode(), null);
            }
            if (t instanceof ConnectException || t instanceof ConnectTimeoutException
                    || t instanceof ConnectionPoolTimeoutException || t instanceof UnknownHostException) {
                return new SendOutcome(Result.RETRY, 0, truncate("not connected: " + t.getClass().getSimpleName()), null);
            }
            if (t instanceof IOException) {
                return new SendOutcome(Result.AMBIGUOUS, 0, truncate("no answer: " + t.getClass().getSimpleName()
                        + (t.getMessage() == null ? "" : " " + t.getMessage())), null);
            }
        }
        if (e instanceof WxErrorException answered) {
            // WeChat's own words: WxJava replaces errmsg by a Chinese text of its own, not always the right one
            var error = answered.getError();
            return classify(error.getErrorCode(), error.getErrorMsgEn() != null ? error.getErrorMsgEn() : error.getErrorMsg());
        }
        // WxJava turns "-1" into an unchecked exception once its own retries (here: none) are used up
        if (String.valueOf(e.getMessage()).contains("超出重试次数")) {
            return new SendOutcome(Result.RETRY, -1, "-1 system busy", null);
        }
        return new SendOutcome(Result.AMBIGUOUS, 0, truncate("no answer: " + e.getClass().getSimpleName()), null);
    }

    private static String truncate(String text) {
        return text.length() > 200 ? text.substring(0, 200) : text;
    }
}
