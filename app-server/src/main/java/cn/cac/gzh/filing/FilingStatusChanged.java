package cn.cac.gzh.filing;

import java.time.Instant;

/**
 * Published (through the transactional outbox) whenever a filing changes state; reminders and
 * pushes listen to it.
 *
 * @param from         {@code null} when the filing was just created
 * @param transitionId the stored state change: a listener that must act once per change keys on it
 *                     ({@code null} in events published before it existed)
 */
public record FilingStatusChanged(long filingId, long operatorId, FilingStatus from, FilingStatus to,
        ActorType actorType, Long actorId, String reason, Instant occurredAt, Long transitionId) {
}
