package cn.cac.gzh.officialaccount.internal;

import cn.cac.gzh.office.OfficeContact;
import cn.cac.gzh.office.OfficeDirectory;
import cn.cac.gzh.wechat.WechatProperties;

import org.springframework.stereotype.Component;

/**
 * The account's replies, from the database (oa_reply_text) and the office's directory. Read again
 * at most every {@link #FRESH} so an edit shows quickly without a query per message.
 */
@Component
class ReplyTexts {

    private static final java.time.Duration FRESH = java.time.Duration.ofSeconds(30);

    private record Snapshot(java.util.Map<String, String> texts, String contacts, long loadedAtNanos) {
    }

    private volatile Snapshot snapshot;
    private final AccountMessageMapper messages;
    private final OfficeDirectory office;
    private final String miniProgramLink;

    ReplyTexts(AccountMessageMapper messages, OfficeDirectory office, WechatProperties wechat) {
        this.messages = messages;
        this.office = office;
        // text replies may carry a link that opens the mini-program
        this.miniProgramLink = "<a data-miniprogram-appid=\"" + wechat.miniapp().appId()
                + "\" data-miniprogram-path=\"pages/index/index\" href=\"https://mp.weixin.qq.com\">登记备案小程序</a>";
    }

    String text(String code) {
        return current().texts().getOrDefault(code, "您好！");
    }

    String contacts() {
        return current().contacts();
    }

    private Snapshot current() {
        Snapshot now = snapshot;
        if (now == null || System.nanoTime() - now.loadedAtNanos() > FRESH.toNanos()) {
            java.util.Map<String, String> texts = new java.util.HashMap<>();
            for (var reply : messages.replyTexts()) {
                texts.put(reply.code(), reply.content().replace("{miniprogram}", miniProgramLink));
            }
            now = new Snapshot(java.util.Map.copyOf(texts), loadContacts(), System.nanoTime());
            snapshot = now;
        }
        return now;
    }

    private String loadContacts() {
        var profile = office.profile();
        StringBuilder text = new StringBuilder(profile.name()).append("\n地址：").append(profile.address());
        for (OfficeContact contact : profile.contacts()) {
            text.append("\n联系人：").append(contact.name());
            if (contact.phone() != null) {
                text.append(" ").append(contact.phone());
            }
        }
        if (profile.email() != null) {
            text.append("\n电子邮箱：").append(profile.email());
        }
        return text.toString();
    }
}
