package cn.cac.gzh.reminder.internal;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RuleStore {

    private static final RowMapper<Rule> RULE = (rs, row) -> new Rule(RuleCode.valueOf(rs.getString("code")),
            rs.getBoolean("enabled"), parseOffsets(rs.getString("offsets")), rs.getString("title"), rs.getString("body"),
            rs.getObject("updated_at", LocalDateTime.class), rs.getInt("version"));

    private final JdbcClient sql;

    RuleStore(JdbcClient sql) {
        this.sql = sql;
    }

    /** Every rule, in the order of {@link RuleCode}. */
    List<Rule> all() {
        return sql.sql("SELECT code, enabled, offsets, title, body, updated_at, version FROM reminder_rule").query(RULE).list()
                .stream().sorted((a, b) -> a.code().compareTo(b.code())).toList();
    }

    Optional<Rule> find(RuleCode code) {
        return sql.sql("SELECT code, enabled, offsets, title, body, updated_at, version FROM reminder_rule WHERE code = ?")
                .param(code.name()).query(RULE).optional();
    }

    /** Optimistic: false when someone else changed the rule since {@code expectedVersion}. */
    boolean update(RuleCode code, boolean enabled, List<Integer> offsets, String title, String body, long staffId,
            LocalDateTime now, int expectedVersion) {
        return sql.sql("""
                UPDATE reminder_rule SET enabled = ?, offsets = ?, title = ?, body = ?, updated_by = ?, updated_at = ?,
                       version = version + 1
                WHERE code = ? AND version = ?""")
                .params(enabled, formatOffsets(offsets), title, body, staffId, now, code.name(), expectedVersion).update() == 1;
    }

    static String formatOffsets(List<Integer> offsets) {
        return offsets.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static List<Integer> parseOffsets(String offsets) {
        return Arrays.stream(offsets.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(Integer::valueOf).toList();
    }
}
