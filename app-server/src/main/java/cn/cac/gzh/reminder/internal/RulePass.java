package cn.cac.gzh.reminder.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * One rule's pass of a scan over the filings of every county. Which steps are due for which occasions is worked out
 * for each office's enabled row (the city's, a county's own: {@link DueSteps} with that row's offsets, so catching up
 * and superseding stay per county); the scan asks for the union, and a candidate is reminded only when its own
 * county's rule ({@link RuleBook#of}) has that step due for its occasion, with that rule's texts.
 */
final class RulePass {

    private final RuleCode code;
    private final RuleBook book;
    private final Map<String, Map<Integer, Set<LocalDate>>> dueByRegion = new HashMap<>();

    RulePass(RuleCode code, RuleBook book) {
        this.code = code;
        this.book = book;
    }

    RuleCode code() {
        return code;
    }

    /** Whether some office's row of the rule is on. */
    boolean anyEnabled() {
        return !book.enabledRows(code).isEmpty();
    }

    /** Occasion days by step over every enabled row: what the scan looks for. */
    Map<Integer, Set<LocalDate>> due(LocalDate today, int catchUpDays, BiFunction<LocalDate, Integer, LocalDate> trigger,
            BiFunction<LocalDate, Integer, LocalDate> occasionOf) {
        Map<Integer, Set<LocalDate>> union = new TreeMap<>();
        for (Rule rule : book.enabledRows(code)) {
            Map<Integer, Set<LocalDate>> due = DueSteps.due(rule.offsets(), today, catchUpDays, trigger, occasionOf);
            dueByRegion.put(rule.regionCode(), due);
            due.forEach((step, days) -> union.computeIfAbsent(step, s -> new TreeSet<>()).addAll(days));
        }
        return union;
    }

    /** The rule reminding a filing of {@code countyCode} at {@code step} for {@code occasion}; null: none does. */
    Rule remindedBy(String countyCode, int step, LocalDate occasion) {
        Rule rule = book.of(code, countyCode);
        if (rule == null || !rule.enabled()) {
            return null;
        }
        return dueByRegion.getOrDefault(rule.regionCode(), Map.of()).getOrDefault(step, Set.of()).contains(occasion) ? rule : null;
    }
}
