package cn.cac.gzh.delivery.internal;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import cn.cac.gzh.delivery.Channel;
import cn.cac.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A worker that stops gives its claimed rows back ({@link DeliveryStore#release}): only rows still under
 * its very claim and not possibly sent go back to QUEUED with the attempt not counted; rows taken over
 * by another worker, claimed again, or whose subscribe message may have left are left alone.
 */
@IntegrationTest
class DeliveryReleaseIntegrationTest {

    // far in the future, so that no worker of the test context claims the rows meanwhile; whole seconds, because
    // Connector/J drops the fraction of a LocalDateTime parameter against MariaDB
    private static final LocalDateTime LEASE = LocalDateTime.of(2099, 1, 1, 8, 0, 0);
    private static final LocalDateTime DUE_AGAIN = LocalDateTime.of(2099, 6, 1, 0, 0);

    @Autowired
    DeliveryStore store;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void onlyRowsStillUnderThisClaimAndNotStartedGoBack() {
        long source = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
        long ours = row(source, "ours", "worker-a", LEASE, null);
        long oursToo = row(source, "ours-too", "worker-a", LEASE, null);
        long takenOver = row(source, "taken-over", "worker-b", LEASE, null);
        long claimedAgain = row(source, "claimed-again", "worker-a", LEASE.plusSeconds(30), null);
        long maybeSent = row(source, "maybe-sent", "worker-a", LEASE, LocalDateTime.of(2026, 12, 1, 8, 0));

        store.release("worker-a", List.of(claimed(ours), claimed(oursToo), claimed(takenOver), claimed(claimedAgain),
                claimed(maybeSent)), DUE_AGAIN);

        for (long id : List.of(ours, oursToo)) {
            assertThat(state(id)).containsEntry("status", "QUEUED").containsEntry("attempts", 2)
                    .containsEntry("lease_owner", null).containsEntry("next_attempt_at", DUE_AGAIN);
        }
        for (long id : List.of(takenOver, claimedAgain, maybeSent)) {
            assertThat(state(id)).containsEntry("status", "SENDING").containsEntry("attempts", 3);
        }
        assertThat(state(takenOver)).containsEntry("lease_owner", "worker-b");
        assertThat(state(maybeSent)).containsEntry("lease_owner", "worker-a").containsEntry("next_attempt_at", LEASE);
    }

    private long row(long source, String recipient, String owner, LocalDateTime lease, LocalDateTime sendStarted) {
        jdbc.update("""
                INSERT INTO delivery (source_type, source_id, channel, recipient, status, attempts, next_attempt_at,
                                      lease_owner, send_started_at, created_at)
                VALUES ('RELEASE_TEST', ?, 'SUBSCRIBE', ?, 'SENDING', 3, ?, ?, ?, ?)""",
                source, recipient, lease, owner, sendStarted, LocalDateTime.of(2026, 12, 1, 8, 0));
        return jdbc.queryForObject("SELECT id FROM delivery WHERE source_type = 'RELEASE_TEST' AND source_id = ? AND recipient = ?",
                Long.class, source, recipient);
    }

    /** The claim as the worker holds it: attempts already counted, lease as it wrote it. */
    private static DeliveryStore.Claimed claimed(long id) {
        return new DeliveryStore.Claimed(id, "RELEASE_TEST", 0, Channel.SUBSCRIBE, "x", null, null, 3, false, false, LEASE);
    }

    private Map<String, Object> state(long id) {
        Map<String, Object> row = jdbc.queryForMap(
                "SELECT status, attempts, lease_owner, next_attempt_at FROM delivery WHERE id = ?", id);
        row.computeIfPresent("next_attempt_at", (k, v) -> v instanceof java.sql.Timestamp t ? t.toLocalDateTime() : v);
        return row;
    }
}
