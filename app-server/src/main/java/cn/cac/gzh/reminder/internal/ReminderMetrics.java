package cn.cac.gzh.reminder.internal;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * The reminder jobs' meters (docs/monitoring.md), registered at start with 0: {@code gzh.reminder.runs} (each
 * scan and dispatch run: done, failed, or skipped because another instance held the lock),
 * {@code gzh.reminder.candidates} (filings or staff a scan considered, per rule) and
 * {@code gzh.reminder.notices} (notices sent, cancelled because no longer due, digests sent).
 */
@Component
class ReminderMetrics {

    enum Job { SCAN, DISPATCH }

    enum RunOutcome { DONE, FAILED, SKIPPED }

    private final Map<Job, Map<RunOutcome, Timer>> runs = new EnumMap<>(Job.class);
    private final Map<RuleCode, Counter> candidates = new EnumMap<>(RuleCode.class);
    private final Counter sent;
    private final Counter cancelled;
    private final Counter digests;

    ReminderMetrics(MeterRegistry registry) {
        for (Job job : Job.values()) {
            Map<RunOutcome, Timer> byOutcome = new EnumMap<>(RunOutcome.class);
            for (RunOutcome outcome : RunOutcome.values()) {
                byOutcome.put(outcome, Timer.builder("gzh.reminder.runs")
                        .description("Reminder job runs (skipped: another instance held the lock)")
                        .tag("job", job.name().toLowerCase())
                        .tag("outcome", outcome.name().toLowerCase())
                        .register(registry));
            }
            runs.put(job, byOutcome);
        }
        for (RuleCode rule : RuleCode.values()) {
            candidates.put(rule, Counter.builder("gzh.reminder.candidates")
                    .description("Candidates a reminder scan considered, per rule")
                    .tag("rule", rule.name().toLowerCase())
                    .register(registry));
        }
        sent = notices(registry, "sent");
        cancelled = notices(registry, "cancelled");
        digests = notices(registry, "digest");
    }

    private static Counter notices(MeterRegistry registry, String kind) {
        return Counter.builder("gzh.reminder.notices")
                .description("Reminder notices dispatched (cancelled: no longer due; digest: staff digests)")
                .tag("kind", kind)
                .register(registry);
    }

    /** Runs one job and records it; ShedLock answers null when another instance holds the lock. */
    <T> T run(Job job, Supplier<T> work) {
        long start = System.nanoTime();
        RunOutcome outcome = RunOutcome.FAILED;
        try {
            T result = work.get();
            outcome = result == null ? RunOutcome.SKIPPED : RunOutcome.DONE;
            return result;
        } finally {
            runs.get(job).get(outcome).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    void considered(RuleCode rule, int count) {
        candidates.get(rule).increment(count);
    }

    void dispatched(NoticeDispatch.Outcome outcome) {
        sent.increment(outcome.sent());
        cancelled.increment(outcome.cancelled());
        digests.increment(outcome.digests());
    }
}
