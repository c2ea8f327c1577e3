package cn.cac.gzh.material.internal;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Recognition's meters (docs/monitoring.md): {@code gzh.material.recognitions} by document kind and outcome,
 * every series registered at start with 0; {@code gzh.material.recognition.backlog} by status, read from the
 * database every 15 seconds, never per scrape.
 */
@Component
class RecognitionMetrics {

    enum Kind {
        ID_CARD, LICENCE
    }

    enum Outcome {
        RECOGNISED, UNREADABLE, QUOTA_EXHAUSTED, FAILED
    }

    private final Map<Kind, Map<Outcome, Counter>> counters = new EnumMap<>(Kind.class);
    private final Map<String, AtomicLong> backlog = new HashMap<>();
    private final RecognitionMapper mapper;

    RecognitionMetrics(MeterRegistry registry, RecognitionMapper mapper) {
        this.mapper = mapper;
        for (Kind kind : Kind.values()) {
            Map<Outcome, Counter> byOutcome = new EnumMap<>(Outcome.class);
            for (Outcome outcome : Outcome.values()) {
                byOutcome.put(outcome, Counter.builder("gzh.material.recognitions")
                        .description("WeChat OCR attempts on materials, by document kind and outcome")
                        .tag("kind", kind.name().toLowerCase())
                        .tag("outcome", outcome.name().toLowerCase())
                        .register(registry));
            }
            counters.put(kind, byOutcome);
        }
        for (String status : List.of("PENDING", "RECOGNISING", "UNCHECKED")) {
            AtomicLong count = new AtomicLong();
            backlog.put(status, count);
            Gauge.builder("gzh.material.recognition.backlog", count, AtomicLong::get)
                    .description("Materials waiting for recognition, by status (unchecked: failed, retried later; refreshed every 15 s)")
                    .tag("status", status.toLowerCase())
                    .register(registry);
        }
    }

    void counted(Kind kind, Outcome outcome) {
        counters.get(kind).get(outcome).increment();
    }

    @Scheduled(initialDelayString = "${material.recognition.metrics-interval:15s}",
            fixedDelayString = "${material.recognition.metrics-interval:15s}")
    void refreshBacklog() {
        Map<String, Long> counts = new HashMap<>();
        mapper.backlog().forEach(c -> counts.put(c.status(), c.count()));
        backlog.forEach((status, gauge) -> gauge.set(counts.getOrDefault(status, 0L)));
    }
}
