package cn.cac.gzh.officialaccount.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.cac.gzh.common.DomainException;
import cn.cac.gzh.officialaccount.ReplyTextAdministration;
import cn.cac.gzh.region.RegionCodes;
import cn.cac.gzh.region.RegionDirectory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class ReplyTextStore implements ReplyTextAdministration {

    private static final int MAX_LENGTH = 1000;

    private final AccountMessageMapper messages;
    private final RegionDirectory regions;
    private final Clock clock;

    ReplyTextStore(AccountMessageMapper messages, RegionDirectory regions, Clock clock) {
        this.messages = messages;
        this.regions = regions;
        this.clock = clock;
    }

    @Override
    public List<ReplyText> of(String regionCode) {
        Map<String, String> city = byCode(regions.cityCode());
        Map<String, String> own = RegionCodes.isCity(regionCode) ? city : byCode(regionCode);
        return CODES.stream().map(code -> own.containsKey(code) ? new ReplyText(code, own.get(code), true)
                : new ReplyText(code, city.getOrDefault(code, ""), false)).toList();
    }

    @Override
    @Transactional
    public void replace(String regionCode, Map<String, String> texts) {
        boolean city = RegionCodes.isCity(regionCode);
        texts.forEach((code, content) -> {
            if (!CODES.contains(code)) {
                throw DomainException.invalid("REPLY_CODE_UNKNOWN", "没有这项自动回复：" + code);
            }
            if (content != null && content.strip().length() > MAX_LENGTH) {
                throw DomainException.invalid("REPLY_TEXT_TOO_LONG", "自动回复不能超过" + MAX_LENGTH + "字");
            }
            if (city && (content == null || content.isBlank())) {
                throw DomainException.invalid("REPLY_TEXT_REQUIRED", "市级自动回复不能为空（县（区）留空即沿用市级的）");
            }
        });
        LocalDateTime now = LocalDateTime.now(clock);
        texts.forEach((code, content) -> {
            if (content == null || content.isBlank()) {
                messages.removeReplyText(regionCode, code);
            } else {
                messages.putReplyText(regionCode, code, content.strip(), now);
            }
        });
    }

    private Map<String, String> byCode(String regionCode) {
        Map<String, String> texts = new HashMap<>();
        messages.replyTextsOf(regionCode).forEach(reply -> texts.put(reply.code(), reply.content()));
        return texts;
    }
}
