package cn.cac.gzh.delivery.internal;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import cn.cac.gzh.delivery.Channel;
import cn.cac.gzh.delivery.OutgoingMessage;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The delivery rows as workers see them: claiming with a lease, and writing what happened. */
@Component
class DeliveryStore {

    private final JdbcClient sql;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    DeliveryStore(JdbcClient sql, JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.sql = sql;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** A row in a worker's hands; {@code takenOver} when another worker's lease on it had run out. */
    record Claimed(long id, String sourceType, long sourceId, Channel channel, String recipient, Long operatorId,
            Long inboxItemId, int attempts, boolean takenOver, boolean sendStarted) {
    }

    /** How a row ends this attempt. {@code nextAttemptAt} only for QUEUED. */
    record Outcome(long id, String status, int attempts, String errorCode, String errorMessage, String msgId,
            LocalDateTime sentAt, LocalDateTime finishedAt, LocalDateTime nextAttemptAt) {
    }

    /**
     * Claims due rows: queued ones whose time has come and rows whose lease ran out. Rows locked by a
     * concurrent claim are skipped, not waited for; the lease is written in the same short transaction.
     */
    List<Claimed> claim(String owner, int limit, Set<Channel> excluded, LocalDateTime now, LocalDateTime leaseUntil) {
        return transaction.execute(status -> {
            String channels = excluded.isEmpty() ? "" : " AND channel NOT IN ("
                    + excluded.stream().map(c -> "'" + c.name() + "'").collect(Collectors.joining(",")) + ")";
            // One status per query: with "status IN (…) ORDER BY next_attempt_at" the database sorts every due row
            // (and locks each one it reads) before the LIMIT applies: the cost grew with the backlog (100,000 rows
            // queued: a few rows per second). With one status the index (status, next_attempt_at) is read in order
            // and the scan stops after `limit` rows. Rows whose lease ran out come first: they are the oldest.
            List<Claimed> rows = new ArrayList<>(claimable("SENDING", channels, now, limit));
            if (rows.size() < limit) {
                rows.addAll(claimable("QUEUED", channels, now, limit - rows.size()));
            }
            if (!rows.isEmpty()) {
                jdbc.batchUpdate("""
                        UPDATE delivery SET status = 'SENDING', lease_owner = ?, next_attempt_at = ?, attempts = attempts + 1
                        WHERE id = ?""", rows, rows.size(), (ps, row) -> {
                    ps.setString(1, owner);
                    ps.setObject(2, leaseUntil);
                    ps.setLong(3, row.id());
                });
            }
            return rows;
        });
    }

    private List<Claimed> claimable(String status, String channels, LocalDateTime now, int limit) {
        return jdbc.query("""
                SELECT id, source_type, source_id, channel, recipient, operator_id, inbox_item_id, attempts, send_started_at
                FROM delivery WHERE status = ? AND next_attempt_at <= ?""" + channels + """
                 ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED""",
                (rs, row) -> new Claimed(rs.getLong("id"), rs.getString("source_type"), rs.getLong("source_id"),
                        Channel.valueOf(rs.getString("channel")), rs.getString("recipient"),
                        (Long) rs.getObject("operator_id", Long.class), (Long) rs.getObject("inbox_item_id", Long.class),
                        rs.getInt("attempts") + 1, "SENDING".equals(status), rs.getObject("send_started_at") != null),
                status, now, limit);
    }

    /** Writes outcomes of rows this worker still holds (a row taken over meanwhile is left to its new owner). */
    void record(String owner, Collection<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        transaction.executeWithoutResult(status -> jdbc.batchUpdate("""
                UPDATE delivery SET status = ?, attempts = ?, error_code = ?, error_message = ?,
                                    wechat_msg_id = COALESCE(?, wechat_msg_id), sent_at = COALESCE(?, sent_at),
                                    finished_at = ?, next_attempt_at = COALESCE(?, next_attempt_at), lease_owner = NULL
                WHERE id = ? AND lease_owner = ? AND status = 'SENDING'""", List.copyOf(outcomes), outcomes.size(),
                (ps, outcome) -> {
                    ps.setString(1, outcome.status());
                    ps.setInt(2, outcome.attempts());
                    ps.setString(3, outcome.errorCode());
                    ps.setString(4, outcome.errorMessage());
                    ps.setString(5, outcome.msgId());
                    ps.setObject(6, outcome.sentAt());
                    ps.setObject(7, outcome.finishedAt());
                    ps.setObject(8, outcome.nextAttemptAt());
                    ps.setLong(9, outcome.id());
                    ps.setString(10, owner);
                }));
    }

    /**
     * Before a subscribe message leaves: holds one unused opt-in of the operator for it (kept from an
     * earlier attempt of the same row) and marks the row as "maybe sent" from now on. False when the
     * operator has no opt-in left or the lease is no longer ours: then nothing is sent.
     */
    boolean prepareSubscribe(String owner, Claimed row, String templateId, LocalDateTime now) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            boolean held = sql.sql("SELECT COUNT(*) FROM subscribe_opt_in WHERE delivery_id = ?").param(row.id())
                    .query(Integer.class).single() > 0;
            if (!held && sql.sql("""
                    UPDATE subscribe_opt_in SET delivery_id = ?, consumed_at = ?
                    WHERE operator_id = ? AND template_id = ? AND consumed_at IS NULL ORDER BY id LIMIT 1""")
                    .params(row.id(), now, row.operatorId(), templateId).update() == 0) {
                return false;
            }
            if (sql.sql("UPDATE delivery SET send_started_at = ? WHERE id = ? AND lease_owner = ?")
                    .params(now, row.id(), owner).update() == 0) {
                status.setRollbackOnly();
                return false;
            }
            return true;
        }));
    }

    Optional<OutgoingMessage> message(String sourceType, long sourceId) {
        return sql.sql("SELECT title, summary, published_at FROM delivery_message WHERE source_type = ? AND source_id = ?")
                .params(sourceType, sourceId)
                .query((rs, row) -> new OutgoingMessage(sourceType, sourceId, rs.getString("title"), rs.getString("summary"),
                        rs.getObject("published_at", LocalDateTime.class))).optional();
    }

    /** WeChat's report on a template message sets its final status. */
    int reportTemplate(String msgId, String reportStatus, LocalDateTime now) {
        boolean success = "success".equals(reportStatus);
        return sql.sql("""
                UPDATE delivery SET status = ?, error_code = ?, error_message = ?, finished_at = ?
                WHERE channel = 'TEMPLATE' AND wechat_msg_id = ? AND status IN ('SENT', 'DELIVERED', 'FAILED')""")
                .params(success ? "DELIVERED" : "FAILED", success ? null : "REPORT", success ? null : reportStatus, now, msgId)
                .update();
    }
}
