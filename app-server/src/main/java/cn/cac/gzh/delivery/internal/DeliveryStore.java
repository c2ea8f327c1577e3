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

    /** Outcomes per UPDATE statement. */
    static final int RECORD_CHUNK = 500;

    private final JdbcClient sql;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    DeliveryStore(JdbcClient sql, JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.sql = sql;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** A row in a worker's hands until {@code leaseUntil}; {@code takenOver} when another worker's lease on it had run out. */
    record Claimed(long id, String sourceType, long sourceId, Channel channel, String recipient, Long operatorId,
            Long inboxItemId, int attempts, boolean takenOver, boolean sendStarted, LocalDateTime leaseUntil) {
    }

    /**
     * How a row ends this attempt. {@code nextAttemptAt} only for QUEUED; {@code leaseUntil} is the claim's,
     * so that an outcome is written only by the claim it belongs to.
     */
    record Outcome(long id, String status, int attempts, String errorCode, String errorMessage, String msgId,
            LocalDateTime sentAt, LocalDateTime finishedAt, LocalDateTime nextAttemptAt, LocalDateTime leaseUntil) {
    }

    /**
     * Claims due rows: queued ones whose time has come and rows whose lease ran out. Rows locked by a
     * concurrent claim are skipped, not waited for; the lease is written in the same short transaction.
     * The lease's end ({@code next_attempt_at}, in whole milliseconds) identifies the claim: what follows
     * (opt-in, outcome, giving back) applies only while the row is still under this very claim, even when
     * the same worker claimed it again after the lease ran out.
     */
    List<Claimed> claim(String owner, int limit, Set<Channel> excluded, LocalDateTime now, LocalDateTime leaseUntil) {
        return transaction.execute(status -> {
            String channels = excluded.isEmpty() ? "" : " AND channel NOT IN ("
                    + excluded.stream().map(c -> "'" + c.name() + "'").collect(Collectors.joining(",")) + ")";
            // One status per query: with "status IN (…) ORDER BY next_attempt_at" the database sorts every due row
            // (and locks each one it reads) before the LIMIT applies: the cost grew with the backlog (100,000 rows
            // queued: a few rows per second). With one status the index (status, next_attempt_at) is read in order
            // and the scan stops after `limit` rows. Rows whose lease ran out come first: they are the oldest.
            List<Claimed> rows = new ArrayList<>(claimable("SENDING", channels, now, leaseUntil, limit));
            if (rows.size() < limit) {
                rows.addAll(claimable("QUEUED", channels, now, leaseUntil, limit - rows.size()));
            }
            if (!rows.isEmpty()) {
                // one statement for the whole batch
                sql.sql("""
                        UPDATE delivery SET status = 'SENDING', lease_owner = :owner, next_attempt_at = :leaseUntil,
                                            attempts = attempts + 1
                        WHERE id IN (:ids)""").param("owner", owner).param("leaseUntil", leaseUntil)
                        .param("ids", rows.stream().map(Claimed::id).toList()).update();
            }
            return rows;
        });
    }

    private List<Claimed> claimable(String status, String channels, LocalDateTime now, LocalDateTime leaseUntil, int limit) {
        return jdbc.query("""
                SELECT id, source_type, source_id, channel, recipient, operator_id, inbox_item_id, attempts, send_started_at
                FROM delivery WHERE status = ? AND next_attempt_at <= ?""" + channels + """
                 ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED""",
                (rs, row) -> new Claimed(rs.getLong("id"), rs.getString("source_type"), rs.getLong("source_id"),
                        Channel.valueOf(rs.getString("channel")), rs.getString("recipient"),
                        (Long) rs.getObject("operator_id", Long.class), (Long) rs.getObject("inbox_item_id", Long.class),
                        rs.getInt("attempts") + 1, "SENDING".equals(status), rs.getObject("send_started_at") != null,
                        leaseUntil),
                status, now, limit);
    }

    /**
     * Writes outcomes of rows this worker still holds (a row taken over meanwhile is left to its new owner).
     * One statement per {@value #RECORD_CHUNK} outcomes: the outcomes as a derived table joined to their rows
     * by primary key. A batch of single-row UPDATEs took 3–6 times longer for the same rows (each statement
     * parsed and planned on its own), which capped the pipeline near 2,000 outcomes a second.
     */
    void record(String owner, Collection<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        List<Outcome> all = List.copyOf(outcomes);
        transaction.executeWithoutResult(status -> {
            for (int from = 0; from < all.size(); from += RECORD_CHUNK) {
                List<Outcome> chunk = all.subList(from, Math.min(all.size(), from + RECORD_CHUNK));
                StringBuilder statement = new StringBuilder("UPDATE delivery d FORCE INDEX (PRIMARY) JOIN (");
                for (int i = 0; i < chunk.size(); i++) {
                    statement.append(i == 0 ? """
                            SELECT ? AS id, ? AS lease_until, ? AS status, ? AS attempts, ? AS error_code, ? AS error_message,
                                   ? AS msg_id, ? AS sent_at, ? AS finished_at, ? AS next_attempt_at""" : " UNION ALL SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?");
                }
                statement.append("""
                        ) o ON d.id = o.id AND d.next_attempt_at = CAST(o.lease_until AS DATETIME(3))
                        SET d.status = o.status, d.attempts = o.attempts, d.error_code = o.error_code,
                            d.error_message = o.error_message, d.wechat_msg_id = COALESCE(o.msg_id, d.wechat_msg_id),
                            d.sent_at = COALESCE(o.sent_at, d.sent_at), d.finished_at = o.finished_at,
                            d.next_attempt_at = COALESCE(o.next_attempt_at, d.next_attempt_at), d.lease_owner = NULL
                        WHERE d.lease_owner = ? AND d.status = 'SENDING'""");
                jdbc.update(statement.toString(), ps -> {
                    int p = 1;
                    for (Outcome outcome : chunk) {
                        ps.setLong(p++, outcome.id());
                        ps.setObject(p++, outcome.leaseUntil());
                        ps.setString(p++, outcome.status());
                        ps.setInt(p++, outcome.attempts());
                        ps.setString(p++, outcome.errorCode());
                        ps.setString(p++, outcome.errorMessage());
                        ps.setString(p++, outcome.msgId());
                        ps.setObject(p++, outcome.sentAt());
                        ps.setObject(p++, outcome.finishedAt());
                        ps.setObject(p++, outcome.nextAttemptAt());
                    }
                    ps.setString(p, owner);
                });
            }
        });
    }

    /**
     * Gives claimed rows back without an attempt (not counted), due at once, while they are still this
     * worker's. A subscribe message that may have left before ({@code send_started_at}) is kept: when its
     * lease runs out, the next worker sees it was taken over and does not send it again.
     */
    void release(String owner, Collection<Claimed> rows, LocalDateTime now) {
        if (rows.isEmpty()) {
            return;
        }
        transaction.executeWithoutResult(status -> jdbc.batchUpdate("""
                UPDATE delivery SET status = 'QUEUED', attempts = ?, next_attempt_at = ?, lease_owner = NULL
                WHERE id = ? AND lease_owner = ? AND next_attempt_at = ? AND status = 'SENDING' AND send_started_at IS NULL""",
                List.copyOf(rows), rows.size(), (ps, row) -> {
                    ps.setInt(1, row.attempts() - 1);
                    ps.setObject(2, now);
                    ps.setLong(3, row.id());
                    ps.setString(4, owner);
                    ps.setObject(5, row.leaseUntil());
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
            if (sql.sql("UPDATE delivery SET send_started_at = ? WHERE id = ? AND lease_owner = ? AND next_attempt_at = ?")
                    .params(now, row.id(), owner, row.leaseUntil()).update() == 0) {
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
