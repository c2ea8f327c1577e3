package cn.cac.gzh.filing.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.cac.gzh.filing.FilingDeadlines;
import cn.cac.gzh.filing.FilingProperties;
import cn.cac.gzh.filing.FilingStatus;
import cn.cac.gzh.filing.ReminderCandidate;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Each query is a range on a (status, date) index: idx_filing_status_due, idx_filing_status_opened,
 * idx_filing_status_decided. Approved filings are never read unless a query asks for them by day.
 */
@Service
class DeadlineQueries implements FilingDeadlines {

    private static final String COLUMNS = """
            id, operator_id, status, account_name, opened_on, due_on, decided_at, rejection_reason, filing_number""";
    private static final RowMapper<ReminderCandidate> CANDIDATE = (rs, row) -> new ReminderCandidate(rs.getLong("id"),
            rs.getLong("operator_id"), FilingStatus.valueOf(rs.getString("status")), rs.getString("account_name"),
            rs.getObject("opened_on", LocalDate.class), rs.getObject("due_on", LocalDate.class),
            rs.getObject("decided_at", LocalDateTime.class), rs.getString("rejection_reason"), rs.getString("filing_number"));

    private final JdbcClient sql;
    private final FilingProperties properties;

    DeadlineQueries(JdbcClient sql, FilingProperties properties) {
        this.sql = sql;
        this.properties = properties;
    }

    @Override
    public List<ReminderCandidate> unfinishedDueOn(Collection<LocalDate> days, long afterId, int limit) {
        if (days.isEmpty()) {
            return List.of();
        }
        return sql.sql("SELECT " + COLUMNS + """
                 FROM filing WHERE status IN ('DRAFT', 'REJECTED') AND due_on IN (:days) AND id > :after
                ORDER BY id LIMIT :limit""").param("days", days).param("after", afterId).param("limit", limit)
                .query(CANDIDATE).list();
    }

    @Override
    public List<ReminderCandidate> unfinishedOpenedOn(Collection<LocalDate> days, long afterId, int limit) {
        if (days.isEmpty()) {
            return List.of();
        }
        return sql.sql("SELECT " + COLUMNS + """
                 FROM filing WHERE status IN ('DRAFT', 'REJECTED') AND opened_on IN (:days) AND id > :after
                  AND due_on = DATE_ADD(opened_on, INTERVAL :window DAY)
                ORDER BY id LIMIT :limit""").param("days", days).param("after", afterId)
                .param("window", properties.daysAfterOpening()).param("limit", limit).query(CANDIDATE).list();
    }

    @Override
    public List<ReminderCandidate> decidedBetween(FilingStatus status, LocalDateTime from, LocalDateTime to, long afterId,
            int limit) {
        return sql.sql("SELECT " + COLUMNS + """
                 FROM filing WHERE status = :status AND decided_at >= :from AND decided_at < :to AND id > :after
                ORDER BY id LIMIT :limit""").param("status", status.name()).param("from", from).param("to", to)
                .param("after", afterId).param("limit", limit).query(CANDIDATE).list();
    }

    @Override
    public Optional<ReminderCandidate> about(long filingId) {
        return sql.sql("SELECT " + COLUMNS + " FROM filing WHERE id = ?").param(filingId).query(CANDIDATE).optional();
    }

    @Override
    public Map<Long, FilingStatus> statuses(Collection<Long> filingIds) {
        Map<Long, FilingStatus> result = new HashMap<>();
        if (filingIds.isEmpty()) {
            return result;
        }
        sql.sql("SELECT id, status FROM filing WHERE id IN (:ids)").param("ids", filingIds)
                .query((rs, row) -> result.put(rs.getLong("id"), FilingStatus.valueOf(rs.getString("status")))).list();
        return result;
    }
}
