package cn.cac.gzh.delivery;

import java.time.LocalDateTime;

/** Whether, and when, an operator opened a message (times UTC). */
public record InboxReceipt(long operatorId, LocalDateTime deliveredAt, LocalDateTime readAt) {
}
