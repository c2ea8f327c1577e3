package cn.cac.gzh.delivery.internal;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import cn.cac.gzh.delivery.Channel;
import cn.cac.gzh.delivery.OutgoingMessage;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The delivery rows as workers see them: claiming with a lease, and writing what happened. */
@Component
class DeliveryStore {

    /** Outcomes per UPDATE statement. */
    static final int RECORD_CHUNK = 500;

    private final DeliveryMapper deliveries;
    private final TransactionTemplate transaction;

    DeliveryStore(DeliveryMapper deliveries, TransactionTemplate transaction) {
        this.deliveries = deliveries;
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
            // One status per query: with "status IN (…) ORDER BY next_attempt_at" the database sorts every due row
            // (and locks each one it reads) before the LIMIT applies: the cost grew with the backlog (100,000 rows
            // queued: a few rows per second). With one status the index (status, next_attempt_at) is read in order
            // and the scan stops after `limit` rows. Rows whose lease ran out come first: they are the oldest.
            List<Claimed> rows = new ArrayList<>(claimable("SENDING", excluded, now, leaseUntil, limit));
            if (rows.size() < limit) {
                rows.addAll(claimable("QUEUED", excluded, now, leaseUntil, limit - rows.size()));
            }
            if (!rows.isEmpty()) {
                // one statement for the whole batch
                deliveries.lease(rows.stream().map(Claimed::id).toList(), owner, leaseUntil);
            }
            return rows;
        });
    }

    private List<Claimed> claimable(String status, Set<Channel> excluded, LocalDateTime now, LocalDateTime leaseUntil,
            int limit) {
        return deliveries.lockDue(status, excluded, now, limit).stream()
                .map(row -> new Claimed(row.id(), row.sourceType(), row.sourceId(), row.channel(), row.recipient(),
                        row.operatorId(), row.inboxItemId(), row.attempts() + 1, "SENDING".equals(status),
                        row.sendStartedAt() != null, leaseUntil))
                .toList();
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
                deliveries.recordOutcomes(owner, all.subList(from, Math.min(all.size(), from + RECORD_CHUNK)));
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
        List<Claimed> all = List.copyOf(rows);
        transaction.executeWithoutResult(status -> {
            for (int from = 0; from < all.size(); from += RECORD_CHUNK) {
                deliveries.release(owner, all.subList(from, Math.min(all.size(), from + RECORD_CHUNK)), now);
            }
        });
    }

    /**
     * Before a subscribe message leaves: holds one unused opt-in of the operator for it (kept from an
     * earlier attempt of the same row) and marks the row as "maybe sent" from now on. False when the
     * operator has no opt-in left or the lease is no longer ours: then nothing is sent.
     */
    boolean prepareSubscribe(String owner, Claimed row, String templateId, LocalDateTime now) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            boolean held = deliveries.optInsHeldBy(row.id()) > 0;
            if (!held && deliveries.holdOptIn(row.id(), row.operatorId(), templateId, now) == 0) {
                return false;
            }
            if (deliveries.markSendStarted(row.id(), owner, row.leaseUntil(), now) == 0) {
                status.setRollbackOnly();
                return false;
            }
            return true;
        }));
    }

    Optional<OutgoingMessage> message(String sourceType, long sourceId) {
        return Optional.ofNullable(deliveries.message(sourceType, sourceId));
    }

    /** WeChat's report on a template message sets its final status. */
    int reportTemplate(String msgId, String reportStatus, LocalDateTime now) {
        boolean success = "success".equals(reportStatus);
        return deliveries.reportTemplate(msgId, success ? "DELIVERED" : "FAILED", success ? null : "REPORT",
                success ? null : reportStatus, now);
    }
}
