package cn.cac.gzh.console;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.cac.testsupport.ConsoleClient;
import cn.cac.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff sign-in, lock-out, CSRF, cookies and password changes. Who may call what (every operation × every kind of
 * caller) is {@code AuthorisationMatrixIntegrationTest} with {@code authorisation-matrix.tsv}.
 */
@IntegrationTest
class ConsoleAuthIntegrationTest {

    private static final String PASSWORD = "Staff-Pass-2026";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    String suffix = UUID.randomUUID().toString().substring(0, 6);

    @Test
    void cookieIsHttpOnlyAndStrictAndSignInRotatesTheSession() {
        ConsoleClient client = new ConsoleClient(port);
        client.get("/api/console/auth/csrf");
        var login = client.login("admin", IntegrationTest.ADMIN_PASSWORD);

        String setCookie = String.join("\n", login.raw().headers().allValues("Set-Cookie"));
        assertThat(setCookie).contains("GZH_CONSOLE=").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
        assertThat(login.get("username")).isEqualTo("admin");
        assertThat(client.get("/api/console/auth/me").status()).isEqualTo(200);

        assertThat(client.post("/api/console/auth/logout", null).status()).isEqualTo(204);
        assertThat(client.get("/api/console/auth/me").status()).isEqualTo(401);
    }

    @Test
    void writesWithoutTheCsrfTokenAreRefused() {
        ConsoleClient client = new ConsoleClient(port);
        client.login("admin", IntegrationTest.ADMIN_PASSWORD);
        int staffBefore = jdbc.queryForObject("SELECT COUNT(*) FROM staff_user", Integer.class);

        var forged = client.postWithoutCsrf("/api/console/admin/staff", Map.of("username", "forged" + suffix,
                "displayName", "x", "password", PASSWORD, "roles", List.of("ADMIN")));

        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.code()).isEqualTo("CSRF_INVALID");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM staff_user", Integer.class)).isEqualTo(staffBefore);
    }

    @Test
    void repeatedFailuresLockTheAccountUntilAnAdministratorResetsIt() {
        ConsoleClient admin = new ConsoleClient(port);
        admin.login("admin", IntegrationTest.ADMIN_PASSWORD);
        var created = admin.post("/api/console/admin/staff", Map.of("username", "victim" + suffix, "displayName", "受害者",
                "password", PASSWORD, "roles", List.of("REVIEWER")));
        long id = ((Number) created.get("id")).longValue();

        ConsoleClient attacker = new ConsoleClient(port);
        for (int i = 0; i < 5; i++) {
            var wrong = attacker.login("victim" + suffix, "wrong-password-" + i);
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.code()).isEqualTo("LOGIN_FAILED");
        }
        var locked = new ConsoleClient(port).login("victim" + suffix, PASSWORD);
        assertThat(locked.status()).isEqualTo(401);
        assertThat(locked.code()).isEqualTo("ACCOUNT_LOCKED");
        var unknown = attacker.login("nobody" + suffix, PASSWORD);
        assertThat(unknown.code()).as("an unknown name looks like a wrong password").isEqualTo("LOGIN_FAILED");

        assertThat(admin.post("/api/console/admin/staff/" + id + "/password", Map.of("newPassword", "Reset-Pass-2026")).status())
                .isEqualTo(204);
        assertThat(new ConsoleClient(port).login("victim" + suffix, "Reset-Pass-2026").status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'LOGIN_FAILED' AND actor_id = ?",
                Integer.class, id)).isEqualTo(5);
    }

    @Test
    void passwordChangeNeedsTheCurrentPasswordAndAStrongNewOne() {
        ConsoleClient admin = new ConsoleClient(port);
        admin.login("admin", IntegrationTest.ADMIN_PASSWORD);
        admin.post("/api/console/admin/staff", Map.of("username", "changer" + suffix, "displayName", "改密",
                "password", PASSWORD, "roles", List.of("PUBLISHER")));
        ConsoleClient me = new ConsoleClient(port);
        me.login("changer" + suffix, PASSWORD);

        assertThat(me.post("/api/console/auth/password", Map.of("currentPassword", "nope-1234567", "newPassword", "New-Pass-2026x")).code())
                .isEqualTo("PASSWORD_MISMATCH");
        assertThat(me.post("/api/console/auth/password", Map.of("currentPassword", PASSWORD, "newPassword", "short1")).code())
                .isEqualTo("WEAK_PASSWORD");
        assertThat(me.post("/api/console/auth/password", Map.of("currentPassword", PASSWORD, "newPassword", "New-Pass-2026x")).status())
                .isEqualTo(204);
        assertThat(new ConsoleClient(port).login("changer" + suffix, PASSWORD).status()).isEqualTo(401);
        assertThat(new ConsoleClient(port).login("changer" + suffix, "New-Pass-2026x").status()).isEqualTo(200);
        String hash = jdbc.queryForObject("SELECT password_hash FROM staff_user WHERE username = ?", String.class, "changer" + suffix);
        assertThat(hash).startsWith("$2a$10$");
    }
}
