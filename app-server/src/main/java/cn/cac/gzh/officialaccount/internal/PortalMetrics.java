package cn.cac.gzh.officialaccount.internal;

import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * {@code gzh.portal.callbacks}: WeChat's callbacks by how they were answered. The portal is a filter ahead of
 * Spring MVC, so {@code http.server.requests} never sees it. At thousands of callbacks a second the timers
 * are built once; a callback only reads the clock twice and records into one of them.
 */
final class PortalMetrics {

    enum Outcome {
        /** Answered with a message (or the echo of a verification). */
        REPLY,
        /** Accepted with "success": nothing to say back. */
        EMPTY,
        /** Not taken: bad signature or timestamp, wrong appid, too large, malformed, over the rate limit. */
        REFUSED,
        /** Could not be handled now (503): WeChat retries. */
        FAILED
    }

    private final Map<Outcome, Timer> timers = new EnumMap<>(Outcome.class);

    PortalMetrics(MeterRegistry registry) {
        for (Outcome outcome : Outcome.values()) {
            timers.put(outcome, Timer.builder("gzh.portal.callbacks")
                    .description("Official-account callbacks (/wechat/portal) by outcome, time to answer")
                    .tag("outcome", outcome.name().toLowerCase())
                    .publishPercentileHistogram()
                    .register(registry));
        }
    }

    void record(Outcome outcome, long nanos) {
        timers.get(outcome).record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }
}
