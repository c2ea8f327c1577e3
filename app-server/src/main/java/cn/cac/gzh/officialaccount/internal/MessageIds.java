package cn.cac.gzh.officialaccount.internal;

import java.util.Map;

/**
 * What makes a callback unique for de-duplication: MsgId for messages; sender + CreateTime + event
 * (+ EventKey) for events. Report events carry their own MsgID (not mapped by WxJava), kept aside.
 */
final class MessageIds {

    static final String REPORTED_MSG_ID = "reportedMsgId";

    private MessageIds() {
    }

    static String dedupKey(Map<String, String> fields) {
        String msgId = fields.get("MsgId");
        if (msgId != null && !"event".equals(fields.get("MsgType"))) {
            return "m:" + msgId;
        }
        return "e:" + fields.get("FromUserName") + ":" + fields.get("CreateTime") + ":" + fields.get("Event") + ":"
                + fields.getOrDefault("EventKey", "") + ":" + fields.getOrDefault("MsgID", "");
    }
}
