package cn.cac.gzh.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import cn.cac.gzh.delivery.Channel;
import cn.cac.testsupport.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The queue gauges count due QUEUED rows per channel and the oldest one's wait, and nothing else (rows not yet
 * due, other statuses). The SUBSCRIBE channel is paused meanwhile so that no worker takes the rows.
 */
@IntegrationTest
class DeliveryQueueMetricsIntegrationTest {

    @Autowired
    DeliveryMetrics metrics;
    @Autowired
    ChannelPauses pauses;
    @Autowired
    MeterRegistry registry;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    Clock clock;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void resume() {
        jdbc.update("DELETE FROM delivery WHERE recipient LIKE ?", "queue-gauge-" + run + "%");
        redis.delete("delivery:paused:SUBSCRIBE");
    }

    @Test
    void dueQueuedRowsAndTheOldestWaitAreCounted() {
        pauses.pauseUntil(Channel.SUBSCRIBE, clock.instant().plus(Duration.ofMinutes(5)));
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
        metrics.refreshQueue();
        double dueBefore = due(Channel.SUBSCRIBE);

        insert(1, "QUEUED", now.minusMinutes(10));
        insert(2, "QUEUED", now.minusMinutes(1));
        insert(3, "QUEUED", now.plusHours(1));   // a retry not yet due
        insert(4, "FAILED", now.minusHours(1));  // finished
        metrics.refreshQueue();

        assertThat(due(Channel.SUBSCRIBE) - dueBefore).isEqualTo(2);
        double oldest = registry.get("gzh.delivery.queue.oldest.age").gauge().value();
        // at least our ten minutes (an older row of another test would only make it larger)
        assertThat(oldest).isGreaterThanOrEqualTo(600).isLessThan(Duration.ofDays(1).toSeconds());
    }

    private double due(Channel channel) {
        return registry.get("gzh.delivery.queue.due").tag("channel", channel.name().toLowerCase()).gauge().value();
    }

    private void insert(int n, String status, LocalDateTime nextAttemptAt) {
        jdbc.update("""
                INSERT INTO delivery (source_type, source_id, channel, recipient, status, next_attempt_at, created_at)
                VALUES ('POLICY', ?, 'SUBSCRIBE', ?, ?, ?, ?)""", 900_000_000L + n, "queue-gauge-" + run + "-" + n, status,
                nextAttemptAt, LocalDateTime.now(clock));
    }
}
