package cn.cac.gzh.officialaccount.internal;

import cn.cac.gzh.office.OfficeContact;
import cn.cac.gzh.office.OfficeDirectory;
import cn.cac.gzh.wechat.WechatProperties;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The account's replies, from the database (oa_reply_text) and the office's directory. */
@Component
class ReplyTexts {

    private final JdbcClient jdbc;
    private final OfficeDirectory office;
    private final String miniProgramLink;

    ReplyTexts(JdbcClient jdbc, OfficeDirectory office, WechatProperties wechat) {
        this.jdbc = jdbc;
        this.office = office;
        // text replies may carry a link that opens the mini-program
        this.miniProgramLink = "<a data-miniprogram-appid=\"" + wechat.miniapp().appId()
                + "\" data-miniprogram-path=\"pages/index/index\" href=\"https://mp.weixin.qq.com\">登记备案小程序</a>";
    }

    String text(String code) {
        String content = jdbc.sql("SELECT content FROM oa_reply_text WHERE code = ?").param(code).query(String.class)
                .optional().orElse("您好！");
        return content.replace("{miniprogram}", miniProgramLink);
    }

    String contacts() {
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
