package cn.cac.gzh.reminder.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.cac.gzh.filing.FilingDeadlines;
import cn.cac.gzh.filing.ReminderCandidate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The staff's morning digest of accounts that became overdue since the previous one (due dates up to
 * yesterday, still a draft or sent back): one per day, the unique day decides who writes it.
 */
@Component
class StaffDigests {

    /** A digest not further back than this when digests were missed. */
    private static final int MAX_DAYS_COVERED = 7;

    record Digest(long id, LocalDate digestOn, LocalDate coversFrom, LocalDate coversTo, int overdueCount, String title,
            String body, String status, LocalDateTime createdAt, LocalDateTime sentAt) {
    }

    /** A digest as one staff member sees it ({@code readAt} null: unread). */
    record Seen(Digest digest, LocalDateTime readAt) {
    }

    private final JdbcClient sql;
    private final FilingDeadlines filings;
    private final ReminderProperties properties;

    StaffDigests(JdbcClient sql, FilingDeadlines filings, ReminderProperties properties) {
        this.sql = sql;
        this.filings = filings;
        this.properties = properties;
    }

    /** Writes today's digest unless it exists; returns the number of overdue filings it counted. */
    int writeToday(Rule rule, LocalDate today, LocalDateTime now, LocalDateTime sendAt) {
        if (sql.sql("SELECT COUNT(*) FROM staff_digest WHERE digest_on = ?").param(today).query(Integer.class).single() > 0) {
            return 0;
        }
        LocalDate to = today.minusDays(1);
        LocalDate from = sql.sql("SELECT MAX(covers_to) FROM staff_digest WHERE digest_on < ?").param(today)
                .query(LocalDate.class).optional().map(last -> last.plusDays(1)).orElse(to);
        if (from.isBefore(to.minusDays(MAX_DAYS_COVERED - 1L))) {
            from = to.minusDays(MAX_DAYS_COVERED - 1L);
        }
        List<LocalDate> days = from.isAfter(to) ? List.of() : DueSteps.days(from, to);
        int count = 0;
        List<String> names = new ArrayList<>();
        long after = 0;
        while (!days.isEmpty()) {
            List<ReminderCandidate> page = filings.unfinishedDueOn(days, after, properties.batch());
            count += page.size();
            page.stream().limit(Math.max(0, properties.digestNames() - names.size())).forEach(c -> names.add(c.accountName()));
            if (page.size() < properties.batch()) {
                break;
            }
            after = page.get(page.size() - 1).filingId();
        }
        String list = String.join("、", names) + (count > names.size() ? " 等" : "");
        Map<String, String> values = Map.of("日期", NoticeTexts.date(today), "数量", String.valueOf(count), "名单",
                count == 0 ? "无" : list);
        // nothing new overdue: the day is recorded (the next digest starts after it) but nobody is disturbed
        sql.sql("""
                INSERT IGNORE INTO staff_digest (digest_on, covers_from, covers_to, overdue_count, title, body, status, send_at,
                                                 sent_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(today, days.isEmpty() ? to : from, to, count,
                        NoticeTexts.cut(NoticeTexts.fill(rule.title(), values), NoticeTexts.TITLE_LIMIT),
                        NoticeTexts.cut(NoticeTexts.fill(rule.body(), values), NoticeTexts.BODY_LIMIT),
                        count == 0 ? "EMPTY" : "PENDING", sendAt, null, now).update();
        return count;
    }

    /** Locks digests that may be sent now (other instances skip them). */
    List<Digest> claimDue(LocalDateTime now) {
        return sql.sql("""
                SELECT * FROM staff_digest WHERE status = 'PENDING' AND send_at <= ? ORDER BY id LIMIT 10 FOR UPDATE SKIP LOCKED""")
                .param(now).query(this::digest).list();
    }

    boolean markSent(long id, LocalDateTime now) {
        return sql.sql("UPDATE staff_digest SET status = 'SENT', sent_at = ? WHERE id = ? AND status = 'PENDING'")
                .params(now, id).update() == 1;
    }

    /** Sent digests, newest first, with whether {@code staffId} has read each. */
    List<Seen> forStaff(long staffId, int limit) {
        return sql.sql("""
                SELECT d.*, r.read_at FROM staff_digest d
                LEFT JOIN staff_digest_read r ON r.digest_id = d.id AND r.staff_id = ?
                WHERE d.status = 'SENT' ORDER BY d.digest_on DESC LIMIT ?""").params(staffId, limit)
                .query((rs, row) -> new Seen(digest(rs, row), rs.getObject("read_at", LocalDateTime.class))).list();
    }

    int unread(long staffId) {
        return sql.sql("""
                SELECT COUNT(*) FROM staff_digest d
                WHERE d.status = 'SENT' AND NOT EXISTS (SELECT 1 FROM staff_digest_read r WHERE r.digest_id = d.id AND r.staff_id = ?)""")
                .param(staffId).query(Integer.class).single();
    }

    /** False when there is no such sent digest. */
    boolean markRead(long digestId, long staffId, LocalDateTime now) {
        if (sql.sql("SELECT COUNT(*) FROM staff_digest WHERE id = ? AND status = 'SENT'").param(digestId).query(Integer.class)
                .single() == 0) {
            return false;
        }
        sql.sql("INSERT IGNORE INTO staff_digest_read (digest_id, staff_id, read_at) VALUES (?, ?, ?)")
                .params(digestId, staffId, now).update();
        return true;
    }

    private Digest digest(ResultSet rs, int row) throws SQLException {
        return new Digest(rs.getLong("id"), rs.getObject("digest_on", LocalDate.class), rs.getObject("covers_from", LocalDate.class),
                rs.getObject("covers_to", LocalDate.class), rs.getInt("overdue_count"), rs.getString("title"), rs.getString("body"),
                rs.getString("status"), rs.getObject("created_at", LocalDateTime.class), rs.getObject("sent_at", LocalDateTime.class));
    }
}
