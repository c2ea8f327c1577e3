package cn.cac.gzh.reminder.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Fills {placeholders} and keeps texts within what the inbox and WeChat can hold. */
final class NoticeTexts {

    static final int TITLE_LIMIT = 60;
    static final int BODY_LIMIT = 1000;
    static final int SUMMARY_LIMIT = 200;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]{1,20})}");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private NoticeTexts() {
    }

    static String fill(String template, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? matcher.group() : value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** Placeholders in {@code template} (in order of appearance). */
    static Set<String> placeholders(String template) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    static String date(LocalDate day) {
        return day == null ? "—" : DATE.format(day);
    }

    /** At most {@code limit} characters (code points), ending in "…" when cut. */
    static String cut(String text, int limit) {
        if (text.codePointCount(0, text.length()) <= limit) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, limit - 1)) + "…";
    }
}
