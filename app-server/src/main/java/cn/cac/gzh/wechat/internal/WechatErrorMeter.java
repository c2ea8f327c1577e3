package cn.cac.gzh.wechat.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Counts WeChat API errors by API and errcode ({@code gzh.wechat.errors}, docs/monitoring.md). The errcodes
 * form a bounded vocabulary: the ones this service acts on are tags of their own, any other is {@code other},
 * and a call that got no WeChat answer at all (connection refused, time-out, HTTP 5xx) is {@code none}. Every
 * series is registered at start with 0 and looked up without building tags.
 */
@Component
class WechatErrorMeter {

    static final String SUBSCRIBE_SEND = "subscribe_send";
    static final String TEMPLATE_SEND = "template_send";
    static final String JSCODE2SESSION = "jscode2session";
    static final String PHONE_NUMBER = "getuserphonenumber";
    static final String OCR_ID_CARD = "ocr_idcard";
    static final String OCR_BUSINESS_LICENCE = "ocr_bizlicense";

    /** The codes shared/wechat.md and the runbook name; the rest are counted as "other". */
    static final List<Integer> KNOWN_CODES = List.of(-1, 40001, 40003, 40014, 40029, 40037, 40163, 40226, 41008,
            42001, 43004, 43101, 45009, 45011, 47003, 101000);
    private static final String NO_ANSWER = "none";
    private static final String OTHER = "other";

    private final Map<String, Map<String, Counter>> counters = new HashMap<>();

    WechatErrorMeter(MeterRegistry registry) {
        for (String api : List.of(SUBSCRIBE_SEND, TEMPLATE_SEND, JSCODE2SESSION, PHONE_NUMBER, OCR_ID_CARD,
                OCR_BUSINESS_LICENCE)) {
            Map<String, Counter> byCode = new HashMap<>();
            for (String code : codeTags()) {
                byCode.put(code, Counter.builder("gzh.wechat.errors")
                        .description("WeChat API calls that failed, by API and errcode (none: no answer from WeChat)")
                        .tag("api", api)
                        .tag("errcode", code)
                        .register(registry));
            }
            counters.put(api, byCode);
        }
    }

    private static List<String> codeTags() {
        var tags = new java.util.ArrayList<>(KNOWN_CODES.stream().map(String::valueOf).toList());
        tags.add(NO_ANSWER);
        tags.add(OTHER);
        return tags;
    }

    /**
     * One failed call. {@code errcode}: WeChat's code; 0 when no answer came; an HTTP status (100–599, never a
     * WeChat code) when a gateway answered instead of WeChat.
     */
    void failed(String api, int errcode) {
        String tag = errcode == 0 || (errcode >= 100 && errcode < 600) ? NO_ANSWER
                : KNOWN_CODES.contains(errcode) ? String.valueOf(errcode) : OTHER;
        counters.get(api).get(tag).increment();
    }
}
