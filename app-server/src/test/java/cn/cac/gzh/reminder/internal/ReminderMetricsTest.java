package cn.cac.gzh.reminder.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** A reminder run is counted done, skipped (ShedLock's null: another instance ran it) or failed. */
class ReminderMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ReminderMetrics metrics = new ReminderMetrics(registry);

    @Test
    void runsAreCountedByJobAndOutcome() {
        Integer considered = metrics.run(ReminderMetrics.Job.SCAN, () -> 3);
        assertThat(considered).isEqualTo(3);
        Integer skipped = metrics.run(ReminderMetrics.Job.SCAN, () -> null);
        assertThat(skipped).isNull();
        assertThatIllegalStateException().isThrownBy(() -> metrics.run(ReminderMetrics.Job.DISPATCH, () -> {
            throw new IllegalStateException("database away");
        }));

        assertThat(runs("scan", "done")).isEqualTo(1);
        assertThat(runs("scan", "skipped")).isEqualTo(1);
        assertThat(runs("dispatch", "failed")).isEqualTo(1);
        assertThat(runs("dispatch", "done")).isZero();
    }

    @Test
    void noticesAndCandidatesAreCountedPerKindAndRule() {
        metrics.dispatched(new NoticeDispatch.Outcome(4, 1, 2));
        metrics.considered(RuleCode.OVERDUE, 5);

        assertThat(registry.get("gzh.reminder.notices").tag("kind", "sent").counter().count()).isEqualTo(4);
        assertThat(registry.get("gzh.reminder.notices").tag("kind", "cancelled").counter().count()).isEqualTo(1);
        assertThat(registry.get("gzh.reminder.notices").tag("kind", "digest").counter().count()).isEqualTo(2);
        assertThat(registry.get("gzh.reminder.candidates").tag("rule", "overdue").counter().count()).isEqualTo(5);
        // every rule has its series from the start
        assertThat(registry.find("gzh.reminder.candidates").counters()).hasSize(RuleCode.values().length);
    }

    private long runs(String job, String outcome) {
        return registry.get("gzh.reminder.runs").tag("job", job).tag("outcome", outcome).timer().count();
    }
}
