package cn.cac.gzh.console.internal;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * {@code gzh.export.jobs}: console exports by outcome and how long they ran (docs/monitoring.md): done, failed
 * (an error while writing or storing the file), busy (refused at once, the export queue was full).
 * Registered at start with 0.
 */
@Component
class ExportMetrics {

    private final Timer done;
    private final Timer failed;
    private final Timer busy;

    ExportMetrics(MeterRegistry registry) {
        done = timer(registry, "done");
        failed = timer(registry, "failed");
        busy = timer(registry, "busy");
    }

    private static Timer timer(MeterRegistry registry, String outcome) {
        return Timer.builder("gzh.export.jobs")
                .description("Console exports by outcome, time from the start of the work to its end")
                .tag("outcome", outcome)
                .register(registry);
    }

    void done(long startNanos) {
        done.record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }

    void failed(long startNanos) {
        failed.record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }

    void refusedBusy() {
        busy.record(0, TimeUnit.NANOSECONDS);
    }
}
