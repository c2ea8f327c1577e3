package cn.cac.gzh.delivery;

import java.time.LocalDateTime;
import java.util.List;

/**
 * What became of one message to one operator: its inbox item and each WeChat send (times UTC).
 *
 * @param inboxAt {@code null} when no inbox item was written (the message was not enqueued)
 */
public record MessageTrace(long sourceId, LocalDateTime inboxAt, LocalDateTime readAt, List<ChannelTrace> channels) {

    /** One WeChat send: its status (QUEUED, SENDING, SENT, DELIVERED, FAILED, UNKNOWN, SKIPPED, CANCELLED). */
    public record ChannelTrace(Channel channel, String status, LocalDateTime sentAt, String errorCode) {
    }
}
