package cn.cac.gzh.reminder.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * Which step of a rule is due today, for which occasion days. A step is due on its trigger day and,
 * when a scan was missed, up to {@code catchUpDays} later, unless a later step of the same occasion
 * is already due (then only that one is sent: one reminder, the most current).
 */
final class DueSteps {

    private DueSteps() {
    }

    /**
     * @param trigger the day a step fires for an occasion: (occasion, step) → day
     * @param occasionOf the inverse: (trigger day, step) → occasion
     * @return occasion days by step, each occasion under at most one step
     */
    static Map<Integer, Set<LocalDate>> due(List<Integer> steps, LocalDate today, int catchUpDays,
            BiFunction<LocalDate, Integer, LocalDate> trigger, BiFunction<LocalDate, Integer, LocalDate> occasionOf) {
        Map<Integer, Set<LocalDate>> due = new LinkedHashMap<>();
        for (int step : new TreeSet<>(steps)) {
            for (int late = 0; late <= catchUpDays; late++) {
                LocalDate fired = today.minusDays(late);
                LocalDate occasion = occasionOf.apply(fired, step);
                boolean superseded = steps.stream().anyMatch(other -> {
                    LocalDate otherFired = trigger.apply(occasion, other);
                    return otherFired.isAfter(fired) && !otherFired.isAfter(today);
                });
                if (!superseded) {
                    due.computeIfAbsent(step, s -> new TreeSet<>()).add(occasion);
                }
            }
        }
        return due;
    }

    static List<LocalDate> days(LocalDate from, LocalDate to) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.add(day);
        }
        return days;
    }
}
