package cn.cac.gzh.reminder.internal;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Repository;

@Repository
class RuleStore {

    private final RuleMapper rules;

    RuleStore(RuleMapper rules) {
        this.rules = rules;
    }

    /** Every office's rows, read once. */
    RuleBook book() {
        Map<RuleCode, Map<String, Rule>> rows = new EnumMap<>(RuleCode.class);
        for (RuleMapper.RuleRow row : rules.all()) {
            rows.computeIfAbsent(row.code(), code -> new HashMap<>()).put(row.regionCode(), rule(row));
        }
        return new RuleBook(rows);
    }

    /** Every rule as it applies to {@code regionCode} (its own rows, else the city's), in the order of {@link RuleCode}. */
    List<Rule> forOffice(String regionCode) {
        return book().forOffice(regionCode);
    }

    /** The office's own row of a rule (not the inherited one). */
    Optional<Rule> own(RuleCode code, String regionCode) {
        return Optional.ofNullable(rules.find(code, regionCode)).map(RuleStore::rule);
    }

    /** Optimistic: false when someone else changed (or dropped) the row since {@code expectedVersion}. */
    boolean update(RuleCode code, String regionCode, boolean enabled, List<Integer> offsets, String title, String body,
            long staffId, LocalDateTime now, int expectedVersion) {
        return rules.update(code, regionCode, enabled, formatOffsets(offsets), title, body, staffId, now, expectedVersion) == 1;
    }

    /** A county's own row; false when one was written meanwhile. */
    boolean insert(RuleCode code, String regionCode, boolean enabled, List<Integer> offsets, String title, String body,
            long staffId, LocalDateTime now) {
        return rules.insert(code, regionCode, enabled, formatOffsets(offsets), title, body, staffId, now) == 1;
    }

    /** Drops a county's own row; false when it had none. */
    boolean delete(RuleCode code, String regionCode) {
        return rules.delete(code, regionCode) == 1;
    }

    static String formatOffsets(List<Integer> offsets) {
        return offsets.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static Rule rule(RuleMapper.RuleRow row) {
        return new Rule(row.code(), row.enabled(), parseOffsets(row.offsets()), row.title(), row.body(), row.updatedAt(),
                row.version(), row.regionCode());
    }

    private static List<Integer> parseOffsets(String offsets) {
        return Arrays.stream(offsets.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(Integer::valueOf).toList();
    }
}
