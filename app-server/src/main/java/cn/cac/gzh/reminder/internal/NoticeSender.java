package cn.cac.gzh.reminder.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import cn.cac.gzh.delivery.Channel;
import cn.cac.gzh.delivery.Deliveries;
import cn.cac.gzh.delivery.OutgoingMessage;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Hands a notice to the delivery pipeline (inbox item, subscribe and template message) and marks it
 * sent, in the caller's transaction: the conditional update decides, so a notice claimed twice is
 * enqueued once, and enqueueing itself is idempotent per source and recipient.
 */
@Component
class NoticeSender {

    private final NoticeStore store;
    private final Deliveries deliveries;
    private final Clock clock;

    NoticeSender(NoticeStore store, Deliveries deliveries, Clock clock) {
        this.store = store;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /** False when the notice had already left (or was cancelled). */
    boolean send(NoticeStore.Due notice) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("A notice is sent inside the transaction that marks it");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        if (!store.markSent(notice.id(), now)) {
            return false;
        }
        OutgoingMessage message = new OutgoingMessage(notice.kind(), notice.id(), notice.title(),
                NoticeTexts.cut(notice.body(), NoticeTexts.SUMMARY_LIMIT), now);
        deliveries.enqueueToOperators(message, List.of(notice.operatorId()), Set.of(Channel.SUBSCRIBE, Channel.TEMPLATE));
        return true;
    }
}
