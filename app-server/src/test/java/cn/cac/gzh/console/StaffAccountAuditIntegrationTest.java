package cn.cac.gzh.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.cac.testsupport.ConsoleClient;
import cn.cac.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Staff account administration is audited (creation, roles and enabled, lock-out, password resets), with the client
 * address forwarded by a trusted proxy (loopback), and never a password or hash in the detail.
 */
@IntegrationTest
class StaffAccountAuditIntegrationTest {

    private static final String PASSWORD = "Audit-Pass-2026";
    private static final String NEW_PASSWORD = "Reset-Audit-2026";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    String suffix = UUID.randomUUID().toString().substring(0, 6);

    record Entry(String actorType, Long actorId, String action, String detail, String clientIp) {
    }

    @Test
    void creatingEditingLockingAndResettingAreAuditedWithoutPasswords() {
        // the test client connects from loopback, a trusted proxy by default: its X-Forwarded-For is the client address
        ConsoleClient admin = new ConsoleClient(port).withHeader("X-Forwarded-For", "203.0.113.7");
        assertThat(admin.login("admin", IntegrationTest.ADMIN_PASSWORD).status()).isEqualTo(200);
        long adminId = jdbc.queryForObject("SELECT id FROM staff_user WHERE username = 'admin'", Long.class);

        var created = admin.post("/api/console/admin/staff", Map.of("username", "audited" + suffix, "displayName", "审计对象",
                "password", PASSWORD, "roles", List.of("REVIEWER")));
        assertThat(created.status()).isEqualTo(201);
        long id = ((Number) created.get("id")).longValue();
        assertThat(admin.put("/api/console/admin/staff/" + id, Map.of("enabled", false, "roles", List.of("REVIEWER", "PUBLISHER")))
                .status()).isEqualTo(200);
        assertThat(admin.put("/api/console/admin/staff/" + id, Map.of("enabled", true, "roles", List.of("REVIEWER"))).status())
                .isEqualTo(200);
        ConsoleClient attacker = new ConsoleClient(port).withHeader("X-Forwarded-For", "198.51.100.9");
        for (int i = 0; i < 5; i++) {
            assertThat(attacker.login("audited" + suffix, "wrong-" + i).status()).isEqualTo(401);
        }
        assertThat(attacker.login("audited" + suffix, PASSWORD).code()).isEqualTo("ACCOUNT_LOCKED");
        assertThat(admin.post("/api/console/admin/staff/" + id + "/password", Map.of("newPassword", NEW_PASSWORD)).status())
                .isEqualTo(204);

        List<Entry> entries = jdbc.query("""
                SELECT actor_type, actor_id, action, detail, client_ip FROM audit_log
                WHERE target_type = 'STAFF_USER' AND target_id = ? ORDER BY id""",
                (rs, n) -> new Entry(rs.getString(1), (Long) rs.getObject(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                String.valueOf(id));
        assertThat(entries).extracting(Entry::action).containsExactly("STAFF_CREATED", "STAFF_UPDATED", "STAFF_UPDATED",
                "LOGIN_FAILED", "LOGIN_FAILED", "LOGIN_FAILED", "LOGIN_FAILED", "LOGIN_FAILED", "STAFF_LOCKED", "LOGIN_REFUSED",
                "STAFF_PASSWORD_RESET");
        assertThat(entries.get(0)).isEqualTo(new Entry("STAFF", adminId, "STAFF_CREATED",
                "username=audited" + suffix + " roles=[REVIEWER] scope=411400 enabled=true", "203.0.113.7"));
        assertThat(entries.get(1).detail()).isEqualTo("roles=[REVIEWER]->[PUBLISHER,REVIEWER] enabled=true->false");
        assertThat(entries.get(2).detail()).isEqualTo("roles=[PUBLISHER,REVIEWER]->[REVIEWER] enabled=false->true");
        assertThat(entries.get(8).actorType()).isEqualTo("SYSTEM");
        assertThat(entries.get(8).detail()).startsWith("failedAttempts=5 until=");
        assertThat(entries.get(8).clientIp()).isEqualTo("198.51.100.9");
        assertThat(entries.get(9).detail()).isEqualTo("locked");
        assertThat(entries.get(10)).isEqualTo(new Entry("STAFF", adminId, "STAFF_PASSWORD_RESET", "unlocked", "203.0.113.7"));

        String hash = jdbc.queryForObject("SELECT password_hash FROM staff_user WHERE id = ?", String.class, id);
        assertThat(entries).allSatisfy(e -> assertThat(String.valueOf(e.detail()))
                .doesNotContain(PASSWORD, NEW_PASSWORD, hash, hash.substring(0, 20)).doesNotContainIgnoringCase("password"));

        // the staff member's own password change too
        ConsoleClient self = new ConsoleClient(port);
        assertThat(self.login("audited" + suffix, NEW_PASSWORD).status()).isEqualTo(200);
        assertThat(self.post("/api/console/auth/password", Map.of("currentPassword", NEW_PASSWORD, "newPassword", PASSWORD))
                .status()).isEqualTo(204);
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM audit_log WHERE action = 'STAFF_PASSWORD_CHANGED' AND actor_id = ? AND detail IS NULL""",
                Integer.class, id)).isEqualTo(1);
    }
}
