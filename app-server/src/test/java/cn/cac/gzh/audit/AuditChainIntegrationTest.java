package cn.cac.gzh.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.cac.testsupport.Burst;
import cn.cac.testsupport.ConsoleClient;
import cn.cac.testsupport.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The audit log is written with the change it describes, and is a hash chain an administrator can verify. */
@IntegrationTest
class AuditChainIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AuditTrail audit;
    @Autowired
    AuditLog log;
    @Autowired
    TransactionTemplate transaction;

    String suffix = UUID.randomUUID().toString().substring(0, 8);

    /** A table of the test's own, standing for the business change an entry describes (DDL commits, so here). */
    @BeforeEach
    void changeTable() {
        jdbc.execute("CREATE TABLE IF NOT EXISTS audit_test_change (name VARCHAR(64) NOT NULL PRIMARY KEY)");
    }

    @Test
    void thirtySimultaneousAuditedActionsMakeOneUnbrokenChain() {
        long before = count();
        List<Long> results = Burst.values(Burst.of(30, i -> {
            // each in its own transaction with a change of its own, as the services do
            transaction.executeWithoutResult(status -> {
                jdbc.update("INSERT INTO audit_test_change (name) VALUES (?)", "burst-" + suffix + "-" + i);
                audit.record(new AuditEntry("STAFF", 1L, "BURST_TEST", "TEST", suffix + "-" + i, "n=" + i, "127.0.0.1"));
            });
            return (long) i;
        }));
        assertThat(results).hasSize(30);
        assertThat(count()).isEqualTo(before + 30);

        ConsoleClient admin = admin();
        var check = admin.get("/api/console/admin/audit/verify");
        assertThat(check.status()).isEqualTo(200);
        assertThat(check.get("valid")).isEqualTo(true);
        assertThat(check.get("firstBrokenId")).isNull();
        assertThat(((Number) check.get("entries")).longValue()).isEqualTo(count());
        // a line: every entry points at its predecessor's hash, ids without gaps among the new ones
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM audit_log a JOIN audit_log b ON b.prev_hash = a.entry_hash""", Long.class))
                .isEqualTo(count() - 1);
    }

    @Test
    void tamperingWithOneRowIsReportedAtThatRow() {
        audit.record(new AuditEntry("STAFF", 1L, "TAMPER_TEST", "TEST", suffix, "original", "127.0.0.1"));
        audit.record(new AuditEntry("STAFF", 1L, "TAMPER_TEST", "TEST", suffix, "next", "127.0.0.1"));
        long id = jdbc.queryForObject("SELECT MIN(id) FROM audit_log WHERE action = 'TAMPER_TEST' AND target_id = ?", Long.class,
                suffix);
        ConsoleClient admin = admin();
        try {
            jdbc.update("UPDATE audit_log SET detail = 'forged' WHERE id = ?", id);
            var check = admin.get("/api/console/admin/audit/verify");
            assertThat(check.get("valid")).isEqualTo(false);
            assertThat(((Number) check.get("firstBrokenId")).longValue()).isEqualTo(id);
            assertThat(((Number) check.get("entries")).longValue()).isEqualTo(count());
        } finally {
            jdbc.update("UPDATE audit_log SET detail = 'original' WHERE id = ?", id);
        }
        // a recomputed hash does not help either: the next entry still points at the old one
        String originalHash = jdbc.queryForObject("SELECT entry_hash FROM audit_log WHERE id = ?", String.class, id);
        try {
            jdbc.update("UPDATE audit_log SET entry_hash = ? WHERE id = ?", "f".repeat(64), id);
            assertThat(log.verifyChain().firstBrokenId()).isEqualTo(id);
        } finally {
            jdbc.update("UPDATE audit_log SET entry_hash = ? WHERE id = ?", originalHash, id);
        }
        assertThat(log.verifyChain().valid()).isTrue();
    }

    @Test
    void aFailedChangeLeavesNoEntryAndAFailedEntryLeavesNoChange() {
        long before = count();
        String head = jdbc.queryForObject("SELECT last_hash FROM audit_chain_head", String.class);
        // the change's transaction fails after the entry was written: neither stays
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            jdbc.update("INSERT INTO audit_test_change (name) VALUES (?)", "rollback-" + suffix);
            audit.record(new AuditEntry("STAFF", 1L, "ROLLBACK_TEST", "TEST", suffix, null, null));
            throw new IllegalStateException("the change fails");
        })).hasMessage("the change fails");
        // the entry cannot be written (detail over 500 characters): the change is rolled back with it
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            jdbc.update("INSERT INTO audit_test_change (name) VALUES (?)", "failed-" + suffix);
            audit.record(new AuditEntry("STAFF", 1L, "ROLLBACK_TEST", "TEST", suffix, "x".repeat(501), null));
        })).isInstanceOf(RuntimeException.class);
        assertThat(count()).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_test_change WHERE name IN (?, ?)", Long.class,
                "rollback-" + suffix, "failed-" + suffix)).isZero();
        assertThat(jdbc.queryForObject("SELECT last_hash FROM audit_chain_head", String.class)).isEqualTo(head);

        // through the console: a dictionary word added is audited with it; a refused one leaves nothing
        ConsoleClient admin = admin();
        String term = "审" + suffix.substring(0, 4);
        assertThat(admin.post("/api/console/admin/place-names", Map.of("term", term, "kind", "LOCAL_FEATURE")).status()).isEqualTo(201);
        assertThat(admin.post("/api/console/admin/place-names", Map.of("term", term, "kind", "LOCAL_FEATURE")).status()).isEqualTo(409);
        assertThat(admin.send("DELETE", "/api/console/admin/place-names?term=" + java.net.URLEncoder.encode(term,
                java.nio.charset.StandardCharsets.UTF_8)).status()).isEqualTo(204);
        assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE target_type = 'PLACE_NAME' AND target_id = ? ORDER BY id",
                String.class, term)).containsExactly("PLACE_NAME_ADDED", "PLACE_NAME_REMOVED");
        assertThat(log.verifyChain().valid()).isTrue();
    }

    private ConsoleClient admin() {
        ConsoleClient admin = new ConsoleClient(port);
        assertThat(admin.login("admin", IntegrationTest.ADMIN_PASSWORD).status()).isEqualTo(200);
        return admin;
    }

    private long count() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_log", Long.class);
    }
}
