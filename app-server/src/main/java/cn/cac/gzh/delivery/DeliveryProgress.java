package cn.cac.gzh.delivery;

import java.util.Map;

/**
 * Where a message stands.
 *
 * @param inboxItems items in operators' inboxes
 * @param read       of those, opened
 * @param byChannel  per channel, deliveries per status (QUEUED, SENDING, SENT, DELIVERED, FAILED, UNKNOWN, SKIPPED, CANCELLED)
 */
public record DeliveryProgress(long inboxItems, long read, Map<Channel, Map<String, Long>> byChannel) {

    /** Deliveries still to be sent (queued, or in a worker's hands). */
    public long pending() {
        return byChannel.values().stream()
                .mapToLong(statuses -> statuses.getOrDefault("QUEUED", 0L) + statuses.getOrDefault("SENDING", 0L)).sum();
    }
}
