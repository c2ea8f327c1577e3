package cn.cac.gzh.officialaccount.internal;

import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;

/** Builds the text reply to a message (from the account to the sender). */
final class Replies {

    private Replies() {
    }

    static WxMpXmlOutMessage text(WxMpXmlMessage to, String content) {
        return WxMpXmlOutMessage.TEXT().content(content).fromUser(to.getToUser()).toUser(to.getFromUser()).build();
    }
}
