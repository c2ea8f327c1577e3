package cn.cac.gzh.delivery.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import cn.cac.gzh.delivery.Channel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The delivery pipeline's meters (docs/monitoring.md). Every counter exists from the start with the value 0
 * (built once here: senders only increment, no tag is built per message), so dashboards and alerts see a
 * series before the first message. The queue gauges are read from the database every 15 seconds on every
 * instance, never per scrape: a scrape must not cost a query.
 */
@Component
class DeliveryMetrics {

    private static final Logger log = LoggerFactory.getLogger(DeliveryMetrics.class);

    /** How an attempt ended, as counted: the row's new status in the words of the meter's {@code outcome} tag. */
    enum Counted {
        SENT("sent"), FAILED("failed"), UNKNOWN("unknown"), SKIPPED("skipped"), RETRIED("retried");

        private final String tag;

        Counted(String tag) {
            this.tag = tag;
        }

        /** QUEUED after an attempt means it will be tried again (busy, too frequent, no answer, quota). */
        static Counted of(String status) {
            return switch (status) {
                case "SENT" -> SENT;
                case "FAILED" -> FAILED;
                case "UNKNOWN" -> UNKNOWN;
                case "SKIPPED" -> SKIPPED;
                default -> RETRIED;
            };
        }
    }

    private final Map<Channel, Map<Counted, Counter>> outcomes = new EnumMap<>(Channel.class);
    private final Map<Channel, AtomicLong> due = new EnumMap<>(Channel.class);
    private final AtomicLong oldestDueMillis = new AtomicLong();
    private final DeliveryMapper deliveries;
    private final Clock clock;

    DeliveryMetrics(MeterRegistry registry, DeliveryMapper deliveries, Clock clock) {
        this.deliveries = deliveries;
        this.clock = clock;
        for (Channel channel : Channel.values()) {
            Map<Counted, Counter> byOutcome = new EnumMap<>(Counted.class);
            for (Counted outcome : Counted.values()) {
                byOutcome.put(outcome, Counter.builder("gzh.delivery.outcomes")
                        .description("Delivery attempts by how they ended (retried: queued again)")
                        .tag("channel", channel.name().toLowerCase())
                        .tag("outcome", outcome.tag)
                        .register(registry));
            }
            outcomes.put(channel, byOutcome);
            AtomicLong depth = new AtomicLong();
            due.put(channel, depth);
            Gauge.builder("gzh.delivery.queue.due", depth, AtomicLong::get)
                    .description("QUEUED deliveries whose time has come (refreshed every 15 s)")
                    .tag("channel", channel.name().toLowerCase())
                    .register(registry);
        }
        Gauge.builder("gzh.delivery.queue.oldest.age", oldestDueMillis, millis -> millis.get() / 1000.0)
                .description("How long the oldest due QUEUED delivery has waited past its time, 0 when none (refreshed every 15 s)")
                .baseUnit("seconds")
                .register(registry);
    }

    /** One attempt's end, on the sender's thread: a look-up in two enum maps and an increment. */
    void attempted(Channel channel, String status) {
        outcomes.get(channel).get(Counted.of(status)).increment();
    }

    /**
     * Due rows per channel (the index (status, next_attempt_at) bounds the scan to the due rows) and the oldest
     * due one (the first entry of that index range).
     */
    @Scheduled(initialDelayString = "${delivery.metrics-interval:15s}", fixedDelayString = "${delivery.metrics-interval:15s}")
    void refreshQueue() {
        LocalDateTime now = LocalDateTime.now(clock);
        try {
            List<DeliveryMapper.ChannelCount> counts = deliveries.dueByChannel(now);
            due.values().forEach(depth -> depth.set(0));
            counts.forEach(count -> due.get(count.channel()).set(count.n()));
            LocalDateTime oldest = deliveries.oldestDue(now);
            oldestDueMillis.set(oldest == null ? 0 : Math.max(0, Duration.between(oldest, now).toMillis()));
        } catch (RuntimeException e) {
            // the database is away: the last values stay (the health check reports the outage)
            log.debug("Delivery queue gauges not refreshed: reason={}", e.getMessage());
        }
    }
}
