package cn.cac.gzh.reminder.internal;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Repository;

@Repository
class RuleStore {

    private final RuleMapper rules;

    RuleStore(RuleMapper rules) {
        this.rules = rules;
    }

    /** Every rule, in the order of {@link RuleCode}. */
    List<Rule> all() {
        return rules.all().stream().map(RuleStore::rule).sorted((a, b) -> a.code().compareTo(b.code())).toList();
    }

    Optional<Rule> find(RuleCode code) {
        return Optional.ofNullable(rules.find(code)).map(RuleStore::rule);
    }

    /** Optimistic: false when someone else changed the rule since {@code expectedVersion}. */
    boolean update(RuleCode code, boolean enabled, List<Integer> offsets, String title, String body, long staffId,
            LocalDateTime now, int expectedVersion) {
        return rules.update(code, enabled, formatOffsets(offsets), title, body, staffId, now, expectedVersion) == 1;
    }

    static String formatOffsets(List<Integer> offsets) {
        return offsets.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static Rule rule(RuleMapper.RuleRow row) {
        return new Rule(row.code(), row.enabled(), parseOffsets(row.offsets()), row.title(), row.body(), row.updatedAt(),
                row.version());
    }

    private static List<Integer> parseOffsets(String offsets) {
        return Arrays.stream(offsets.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(Integer::valueOf).toList();
    }
}
