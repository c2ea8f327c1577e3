package cn.cac.gzh.officialaccount.internal;

import java.util.Map;

import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutTextMessage;

/**
 * Between the safely parsed fields and WxJava's message beans, without XStream: the portal already
 * parsed the XML once with a hardened parser, and XStream was most of the cost of a callback.
 */
final class Messages {

    private Messages() {
    }

    static WxMpXmlMessage from(Map<String, String> fields) {
        WxMpXmlMessage message = new WxMpXmlMessage();
        message.setToUser(fields.get("ToUserName"));
        message.setFromUser(fields.get("FromUserName"));
        message.setCreateTime(number(fields.get("CreateTime")));
        message.setMsgType(fields.get("MsgType"));
        message.setContent(fields.get("Content"));
        message.setMsgId(number(fields.get("MsgId")));
        message.setEvent(fields.get("Event"));
        message.setEventKey(fields.get("EventKey"));
        message.setTicket(fields.get("Ticket"));
        message.setStatus(fields.get("Status"));
        message.setTotalCount(integer(fields.get("TotalCount")));
        message.setSentCount(integer(fields.get("SentCount")));
        message.setErrorCount(integer(fields.get("ErrorCount")));
        return message;
    }

    /** The reply as WeChat expects it; only text replies are produced. */
    static String toXml(WxMpXmlOutMessage out) {
        if (out == null) {
            return "";
        }
        if (!(out instanceof WxMpXmlOutTextMessage text)) {
            return out.toXml();
        }
        return "<xml><ToUserName>" + cdata(text.getToUserName()) + "</ToUserName><FromUserName>" + cdata(text.getFromUserName())
                + "</FromUserName><CreateTime>" + text.getCreateTime() + "</CreateTime><MsgType><![CDATA[text]]></MsgType>"
                + "<Content>" + cdata(text.getContent()) + "</Content></xml>";
    }

    private static String cdata(String value) {
        return "<![CDATA[" + (value == null ? "" : value.replace("]]>", "]]]]><![CDATA[>")) + "]]>";
    }

    private static Long number(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer integer(String value) {
        Long number = number(value);
        return number == null ? null : number.intValue();
    }
}
