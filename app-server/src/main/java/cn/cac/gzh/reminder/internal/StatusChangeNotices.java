package cn.cac.gzh.reminder.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import cn.cac.gzh.common.TimeConfiguration;
import cn.cac.gzh.delivery.Deliveries;
import cn.cac.gzh.filing.ActorType;
import cn.cac.gzh.filing.FilingDeadlines;
import cn.cac.gzh.filing.FilingStatus;
import cn.cac.gzh.filing.FilingStatusChanged;
import cn.cac.gzh.filing.ReminderCandidate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What a decision on a filing means for its operator, from the outbox (after the decision committed,
 * republished after a crash): a review-result notice sent at once, and no more reminders once the
 * filing is handed in, approved or revoked. A republished event finds the notice of its state change
 * already written (unique transition id) and sent, and changes nothing.
 */
@Component
class StatusChangeNotices {

    private static final Logger log = LoggerFactory.getLogger(StatusChangeNotices.class);
    /** Reminder sends younger than this may still be waiting in the delivery queue. */
    private static final Duration QUEUE_HORIZON = Duration.ofDays(3);

    private final NoticeStore store;
    private final NoticeSender sender;
    private final FilingDeadlines filings;
    private final Deliveries deliveries;
    private final Clock clock;

    StatusChangeNotices(NoticeStore store, NoticeSender sender, FilingDeadlines filings, Deliveries deliveries, Clock clock) {
        this.store = store;
        this.sender = sender;
        this.filings = filings;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(FilingStatusChanged change) {
        LocalDateTime now = LocalDateTime.now(clock);
        if (change.to() == FilingStatus.SUBMITTED || change.to() == FilingStatus.APPROVED || change.to() == FilingStatus.REVOKED) {
            cancelReminders(change.filingId(), now);
        }
        // a decision by the office (or the system), not the operator's own withdrawal
        if (change.from() != null && change.actorType() != ActorType.OPERATOR && ReviewResultTexts.reports(change.to())) {
            notifyResult(change, now);
        }
    }

    private void cancelReminders(long filingId, LocalDateTime now) {
        int pending = store.cancelPendingReminders(filingId, now);
        int queued = 0;
        for (long noticeId : store.recentlySentReminders(filingId, now.minus(QUEUE_HORIZON))) {
            queued += deliveries.cancel(NewNotice.REMINDER, noticeId);
        }
        if (pending + queued > 0) {
            log.info("Reminders cancelled: filingId={} pending={} queuedSends={}", filingId, pending, queued);
        }
    }

    private void notifyResult(FilingStatusChanged change, LocalDateTime now) {
        ReminderCandidate filing = filings.about(change.filingId()).orElse(null);
        if (filing == null) {
            return;
        }
        ReviewResultTexts.Text text = ReviewResultTexts.of(change.to(), filing, change.reason());
        // events from before transition ids existed are keyed by their day instead
        NewNotice notice = change.transitionId() != null
                ? new NewNotice(NewNotice.REVIEW_RESULT, change.to().name(), filing.filingId(), change.operatorId(), null, null,
                        change.transitionId(), text.title(), text.body())
                : new NewNotice(NewNotice.REVIEW_RESULT, change.to().name(), filing.filingId(), change.operatorId(),
                        change.occurredAt().atZone(TimeConfiguration.DISPLAY_ZONE).toLocalDate(), 0, null, text.title(), text.body());
        store.insertNew(List.of(notice), now, now);
        var pending = change.transitionId() != null ? store.reviewResult(change.transitionId())
                : store.reviewResultOfDay(change.to().name(), filing.filingId(), notice.occasion());
        pending.ifPresent(due -> {
            if (sender.send(due)) {
                log.info("Review result notice sent: filingId={} noticeId={} result={}", filing.filingId(), due.id(), change.to());
            }
        });
    }
}
