package cn.cac.gzh.reminder.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import cn.cac.gzh.common.db.RetryingTransactions;
import cn.cac.gzh.console.StaffDirectory;
import cn.cac.gzh.delivery.Deliveries;
import cn.cac.gzh.delivery.OutgoingMessage;
import cn.cac.gzh.filing.FilingDeadlines;
import cn.cac.gzh.filing.FilingStatus;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Hands due notices to the delivery pipeline, a batch per short transaction (claim, check the
 * filing is still in a state the reminder is about, enqueue, mark sent): never in quiet hours, never
 * a reminder about a filing that was handed in meanwhile. Digests go to staff the same way.
 */
@Component
class NoticeDispatch {

    private static final Logger log = LoggerFactory.getLogger(NoticeDispatch.class);
    static final String DIGEST = "DIGEST";

    /** What one run did. */
    record Outcome(int sent, int cancelled, int digests) {
    }

    private final NoticeStore store;
    private final NoticeSender sender;
    private final StaffDigests digests;
    private final FilingDeadlines filings;
    private final Deliveries deliveries;
    private final StaffDirectory staff;
    private final RetryingTransactions transactions;
    private final ReminderProperties properties;
    private final Clock clock;
    private final ReminderMetrics metrics;

    NoticeDispatch(NoticeStore store, NoticeSender sender, StaffDigests digests, FilingDeadlines filings, Deliveries deliveries,
            StaffDirectory staff, RetryingTransactions transactions, ReminderProperties properties, Clock clock,
            ReminderMetrics metrics) {
        this.metrics = metrics;
        this.store = store;
        this.sender = sender;
        this.digests = digests;
        this.filings = filings;
        this.deliveries = deliveries;
        this.staff = staff;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** What was sent, or {@code null} when another instance was dispatching. */
    @SchedulerLock(name = "reminder-dispatch", lockAtMostFor = "PT10M")
    public Outcome dispatch() {
        LocalDateTime now = LocalDateTime.now(clock);
        if (QuietHours.of(properties).isQuiet(now)) {
            return new Outcome(0, 0, 0);
        }
        int sent = 0;
        int cancelled = 0;
        while (true) {
            int[] batch = transactions.execute("dispatchNotices", () -> dispatchBatch(now));
            sent += batch[0];
            cancelled += batch[1];
            if (batch[0] + batch[1] < properties.batch()) {
                break;
            }
        }
        int digestsSent = transactions.execute("dispatchDigests", () -> dispatchDigests(now));
        if (sent + cancelled + digestsSent > 0) {
            log.info("Notices dispatched: sent={} cancelled={} digests={}", sent, cancelled, digestsSent);
        }
        Outcome outcome = new Outcome(sent, cancelled, digestsSent);
        metrics.dispatched(outcome);
        return outcome;
    }

    private int[] dispatchBatch(LocalDateTime now) {
        List<NoticeStore.Due> due = store.claimDue(now, properties.batch());
        Map<Long, FilingStatus> statuses = filings.statuses(due.stream().map(NoticeStore.Due::filingId).distinct().toList());
        int sent = 0;
        int cancelled = 0;
        for (NoticeStore.Due notice : due) {
            if (NewNotice.REMINDER.equals(notice.kind())
                    && !RuleCode.valueOf(notice.ruleCode()).stillDue(statuses.getOrDefault(notice.filingId(), FilingStatus.REVOKED))) {
                store.markCancelled(notice.id(), now);
                cancelled++;
            } else if (sender.send(notice)) {
                sent++;
            }
        }
        return new int[] {sent, cancelled};
    }

    private int dispatchDigests(LocalDateTime now) {
        List<StaffDigests.Digest> due = digests.claimDue(now);
        if (due.isEmpty()) {
            return 0;
        }
        for (StaffDigests.Digest digest : due) {
            List<String> followers = staff.reviewerFollowerOpenids(digest.regionCode());
            digests.markSent(digest.id(), now);
            deliveries.enqueueToFollowers(new OutgoingMessage(DIGEST, digest.id(), digest.title(),
                    NoticeTexts.cut(digest.body(), NoticeTexts.SUMMARY_LIMIT), now), followers);
        }
        return due.size();
    }
}
