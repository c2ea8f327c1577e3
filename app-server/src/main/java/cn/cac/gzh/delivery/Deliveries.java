package cn.cac.gzh.delivery;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Enqueueing messages and following their progress. Enqueueing writes rows only (an inbox item per
 * operator, a delivery row per WeChat channel the person can be reached by) and is idempotent: the
 * same message to the same person is never enqueued twice. Call it inside the source's transaction.
 */
public interface Deliveries {

    /** To operators (mini-program users). */
    void enqueueToOperators(OutgoingMessage message, Collection<Long> operatorIds, Set<Channel> channels);

    /** To official-account followers by their openid (template messages; an inbox item too where the follower is an operator). */
    void enqueueToFollowers(OutgoingMessage message, Collection<String> followerOpenids);

    /** Stops what has not left yet; returns how many deliveries were cancelled. */
    int cancel(String sourceType, long sourceId);

    DeliveryProgress progress(String sourceType, long sourceId);

    /** Failed deliveries grouped by WeChat's error code, most frequent first. */
    List<FailureGroup> failures(String sourceType, long sourceId);

    /** Inbox items of a message, keyset-paged by operator id (after {@code afterOperatorId}), optionally only the unread. */
    List<InboxReceipt> receipts(String sourceType, long sourceId, boolean unreadOnly, long afterOperatorId, int limit);

    /** The inbox item and WeChat sends of each of these messages to {@code operatorId}, by source id. */
    Map<Long, MessageTrace> traces(String sourceType, Collection<Long> sourceIds, long operatorId);

    /** Nothing of this message is waiting to be sent any more. */
    default boolean finished(String sourceType, long sourceId) {
        return progress(sourceType, sourceId).pending() == 0;
    }
}
