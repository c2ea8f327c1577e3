package cn.cac.gzh.filing;

import java.time.Instant;

/**
 * Published (through the transactional outbox) whenever a filing changes state; reminders and
 * pushes listen to it.
 *
 * @param from {@code null} when the filing was just created
 */
public record FilingStatusChanged(long filingId, long operatorId, FilingStatus from, FilingStatus to,
        ActorType actorType, Long actorId, String reason, Instant occurredAt) {
}
