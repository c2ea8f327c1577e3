package cn.cac.gzh.reminder.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the scan and the dispatch on every instance's timer; ShedLock lets one instance at a time do each. */
@Component
@ConditionalOnProperty(name = "reminder.jobs-enabled", havingValue = "true", matchIfMissing = true)
class ReminderSchedule {

    private final ReminderScan scan;
    private final NoticeDispatch dispatch;
    private final ReminderMetrics metrics;

    ReminderSchedule(ReminderScan scan, NoticeDispatch dispatch, ReminderMetrics metrics) {
        this.metrics = metrics;
        this.scan = scan;
        this.dispatch = dispatch;
    }

    @Scheduled(initialDelayString = "${reminder.scan-initial-delay:1m}", fixedDelayString = "${reminder.scan-interval:15m}")
    void scan() {
        metrics.run(ReminderMetrics.Job.SCAN, scan::scan);
    }

    @Scheduled(initialDelayString = "${reminder.dispatch-interval:30s}", fixedDelayString = "${reminder.dispatch-interval:30s}")
    void dispatch() {
        metrics.run(ReminderMetrics.Job.DISPATCH, dispatch::dispatch);
    }
}
