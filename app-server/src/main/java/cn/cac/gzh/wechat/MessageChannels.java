package cn.cac.gzh.wechat;

import java.util.Map;

/**
 * The two WeChat channels that reach a person, one place each. Calls make exactly one attempt
 * (WxJava's own blocking retry is off here): what to do next is the caller's queue's decision, told
 * by the {@link SendOutcome}. Never call these inside a database transaction.
 */
public interface MessageChannels {

    /** A mini-program subscribe message (needs one unused opt-in of the user for the template). */
    SendOutcome sendSubscribe(String openid, String templateId, String page, Map<String, String> data);

    /**
     * An official-account template message to a follower, opening a mini-program page. WeChat drops a
     * second message with the same {@code clientMsgId}, so a retried send cannot arrive twice.
     */
    SendOutcome sendTemplate(String openid, String templateId, String miniProgramPage, Map<String, String> data,
            String clientMsgId);
}
