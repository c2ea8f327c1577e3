package cn.cac.gzh.officialaccount.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import cn.cac.gzh.office.OfficeContact;
import cn.cac.gzh.office.OfficeDirectory;
import cn.cac.gzh.office.OfficeProfile;
import cn.cac.gzh.region.RegionDirectory;
import cn.cac.gzh.wechat.WechatProperties;

import org.springframework.stereotype.Component;

/**
 * The account's replies, from the database (oa_reply_text) and the offices' directory, for a follower's county: the
 * county's own version of a text, else the city's; the county's office for 联系 (a follower of no known county: the
 * default county's, as before there were several). Read again at most every {@link #FRESH} so an edit shows quickly
 * without a query per message.
 */
@Component
class ReplyTexts {

    private static final Duration FRESH = Duration.ofSeconds(30);

    /** Texts by region code, then by text code; contacts by county, filled as followers of each county ask. */
    private record Snapshot(Map<String, Map<String, String>> texts, Map<String, String> contacts, long loadedAtNanos) {
    }

    private volatile Snapshot snapshot;
    private final AccountMessageMapper messages;
    private final OfficeDirectory office;
    private final RegionDirectory regions;
    private final String miniProgramLink;

    ReplyTexts(AccountMessageMapper messages, OfficeDirectory office, RegionDirectory regions, WechatProperties wechat) {
        this.messages = messages;
        this.office = office;
        this.regions = regions;
        // text replies may carry a link that opens the mini-program
        this.miniProgramLink = "<a data-miniprogram-appid=\"" + wechat.miniapp().appId()
                + "\" data-miniprogram-path=\"pages/index/index\" href=\"https://mp.weixin.qq.com\">登记备案小程序</a>";
    }

    /** The text {@code code} for a follower of {@code county} (null: not known). */
    String text(String code, String county) {
        Map<String, Map<String, String>> texts = current().texts();
        String own = county == null ? null : texts.getOrDefault(county, Map.of()).get(code);
        return own != null ? own : texts.getOrDefault(regions.cityCode(), Map.of()).getOrDefault(code, "您好！");
    }

    /** The office to contact for a follower of {@code county} (null: not known). */
    String contacts(String county) {
        return current().contacts().computeIfAbsent(county == null ? "" : county,
                key -> describe(key.isEmpty() ? office.profile() : office.profile(key)));
    }

    private Snapshot current() {
        Snapshot now = snapshot;
        if (now == null || System.nanoTime() - now.loadedAtNanos() > FRESH.toNanos()) {
            Map<String, Map<String, String>> texts = new HashMap<>();
            for (var reply : messages.replyTexts()) {
                texts.computeIfAbsent(reply.regionCode(), region -> new HashMap<>())
                        .put(reply.code(), reply.content().replace("{miniprogram}", miniProgramLink));
            }
            Map<String, Map<String, String>> frozen = new HashMap<>();
            texts.forEach((region, byCode) -> frozen.put(region, Map.copyOf(byCode)));
            now = new Snapshot(Map.copyOf(frozen), new ConcurrentHashMap<>(), System.nanoTime());
            snapshot = now;
        }
        return now;
    }

    private static String describe(OfficeProfile profile) {
        StringBuilder text = new StringBuilder(profile.name());
        if (profile.address() != null && !profile.address().isBlank()) {
            text.append("\n地址：").append(profile.address());
        }
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
