package cn.cac.gzh.reminder.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code filing_notice} rows. Writing is "insert unless the unique key exists" in one statement,
 * so two scans (or two instances) racing on the same step leave one row and never deadlock on a
 * locking read; sending claims rows with {@code FOR UPDATE SKIP LOCKED}.
 */
@Repository
class NoticeStore {

    /** A notice due for sending. */
    record Due(long id, String kind, String ruleCode, long filingId, long operatorId, String title, String body,
            LocalDateTime createdAt) {
    }

    /** A notice as history shows it. */
    record Stored(long id, String kind, String ruleCode, Integer step, String title, String body, String status,
            LocalDateTime createdAt, LocalDateTime sendAt, LocalDateTime sentAt, LocalDateTime cancelledAt) {
    }

    private static final RowMapper<Due> DUE = (rs, row) -> new Due(rs.getLong("id"), rs.getString("kind"),
            rs.getString("rule_code"), rs.getLong("filing_id"), rs.getLong("operator_id"), rs.getString("title"),
            rs.getString("body"), rs.getObject("created_at", LocalDateTime.class));

    private static final String DUE_COLUMNS = "SELECT id, kind, rule_code, filing_id, operator_id, title, body, created_at FROM filing_notice ";
    private static final String STORED_COLUMNS = """
            SELECT id, kind, rule_code, step, title, body, status, created_at, send_at, sent_at, cancelled_at FROM filing_notice""";
    private static final RowMapper<Stored> STORED = (rs, row) -> new Stored(rs.getLong("id"), rs.getString("kind"),
            rs.getString("rule_code"), (Integer) rs.getObject("step"), rs.getString("title"), rs.getString("body"),
            rs.getString("status"), rs.getObject("created_at", LocalDateTime.class), rs.getObject("send_at", LocalDateTime.class),
            rs.getObject("sent_at", LocalDateTime.class), rs.getObject("cancelled_at", LocalDateTime.class));

    private final JdbcTemplate jdbc;
    private final JdbcClient sql;

    NoticeStore(JdbcTemplate jdbc, JdbcClient sql) {
        this.jdbc = jdbc;
        this.sql = sql;
    }

    /** Writes the notices whose key is new; the others are left as they are. */
    void insertNew(List<NewNotice> notices, LocalDateTime sendAt, LocalDateTime now) {
        if (notices.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                INSERT IGNORE INTO filing_notice (kind, rule_code, filing_id, operator_id, occasion, step, transition_id,
                                                  title, body, status, send_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)""", notices, 500, (ps, notice) -> {
            ps.setString(1, notice.kind());
            ps.setString(2, notice.ruleCode());
            ps.setLong(3, notice.filingId());
            ps.setLong(4, notice.operatorId());
            ps.setObject(5, notice.occasion());
            ps.setObject(6, notice.step());
            ps.setObject(7, notice.transitionId());
            ps.setString(8, NoticeTexts.cut(notice.title(), NoticeTexts.TITLE_LIMIT));
            ps.setString(9, NoticeTexts.cut(notice.body(), NoticeTexts.BODY_LIMIT));
            ps.setObject(10, sendAt);
            ps.setObject(11, now);
        });
    }

    /** The notice of a state change while it is still waiting to be sent. */
    Optional<Due> reviewResult(long transitionId) {
        return sql.sql(DUE_COLUMNS + """
                WHERE transition_id = ? AND status = 'PENDING'""").param(transitionId).query(DUE).optional();
    }

    /** The same for a state change published before transition ids existed, keyed by its day. */
    Optional<Due> reviewResultOfDay(String result, long filingId, LocalDate day) {
        return sql.sql(DUE_COLUMNS + """
                WHERE rule_code = ? AND filing_id = ? AND occasion = ? AND step = 0 AND status = 'PENDING'""")
                .params(result, filingId, day).query(DUE).optional();
    }

    /** Locks pending notices that may be sent now; rows another instance holds are skipped. */
    List<Due> claimDue(LocalDateTime now, int limit) {
        return sql.sql(DUE_COLUMNS + """
                WHERE status = 'PENDING' AND send_at <= ? ORDER BY send_at, id LIMIT ? FOR UPDATE SKIP LOCKED""")
                .params(now, limit).query(DUE).list();
    }

    /** False when the notice was no longer pending (sent or cancelled by someone else). */
    boolean markSent(long id, LocalDateTime now) {
        return sql.sql("UPDATE filing_notice SET status = 'SENT', sent_at = ? WHERE id = ? AND status = 'PENDING'")
                .params(now, id).update() == 1;
    }

    void markCancelled(long id, LocalDateTime now) {
        sql.sql("UPDATE filing_notice SET status = 'CANCELLED', cancelled_at = ? WHERE id = ? AND status = 'PENDING'")
                .params(now, id).update();
    }

    /** Cancels a filing's reminders not sent yet; returns how many. */
    int cancelPendingReminders(long filingId, LocalDateTime now) {
        return sql.sql("""
                UPDATE filing_notice SET status = 'CANCELLED', cancelled_at = ?
                WHERE filing_id = ? AND kind = 'REMINDER' AND status = 'PENDING'""").params(now, filingId).update();
    }

    /** Reminders of a filing already handed to the delivery pipeline since {@code since} (their WeChat sends may still wait). */
    List<Long> recentlySentReminders(long filingId, LocalDateTime since) {
        return sql.sql("""
                SELECT id FROM filing_notice WHERE filing_id = ? AND kind = 'REMINDER' AND status = 'SENT' AND sent_at >= ?""")
                .params(filingId, since).query(Long.class).list();
    }

    /** A filing's notices, newest first. */
    List<Stored> history(long filingId) {
        return sql.sql(STORED_COLUMNS + " WHERE filing_id = ? ORDER BY id DESC LIMIT 200").param(filingId)
                .query(STORED)
                .list();
    }

    Optional<Stored> find(long id) {
        return sql.sql(STORED_COLUMNS + " WHERE id = ?").param(id)
                .query(STORED)
                .optional();
    }
}
