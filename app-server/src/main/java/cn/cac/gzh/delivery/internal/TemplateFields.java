package cn.cac.gzh.delivery.internal;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.cac.gzh.common.TimeConfiguration;
import cn.cac.gzh.delivery.OutgoingMessage;

/**
 * Fills a WeChat template's fields from a message within WeChat's per-kind limits: a value over its
 * limit makes WeChat refuse the whole message (47003), so it is cut, ending in "…".
 */
final class TemplateFields {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private TemplateFields() {
    }

    static Map<String, String> fill(DeliveryProperties.Template template, OutgoingMessage message) {
        Map<String, String> data = new LinkedHashMap<>();
        template.fields().forEach((field, source) -> data.put(field, fit(field, value(source, message))));
        return data;
    }

    private static String value(String source, OutgoingMessage message) {
        return switch (source) {
            case "title" -> message.title();
            case "summary" -> message.summary();
            case "published" -> message.publishedAt().atOffset(ZoneOffset.UTC)
                    .atZoneSameInstant(TimeConfiguration.DISPLAY_ZONE).format(TIME);
            default -> source;
        };
    }

    /** WeChat's limits by the field's kind (the name without its number): characters, not bytes. */
    static String fit(String field, String value) {
        String kind = field.replaceAll("\\d+$", "");
        int limit = switch (kind) {
            case "thing" -> 20;
            case "phrase", "symbol", "short_thing" -> 5;
            case "name" -> 10;
            case "character_string", "number", "letter", "car_number" -> 32;
            case "amount" -> 10;
            default -> 200;
        };
        int length = value.codePointCount(0, value.length());
        if (length <= limit) {
            return value;
        }
        int end = value.offsetByCodePoints(0, limit - 1);
        return value.substring(0, end) + "…";
    }
}
