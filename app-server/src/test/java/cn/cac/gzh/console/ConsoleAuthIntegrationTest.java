package cn.cac.gzh.console;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import cn.cac.testsupport.ConsoleClient;
import cn.cac.testsupport.IntegrationTest;
import cn.cac.testsupport.MiniApi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Staff sign-in, lock-out, CSRF, cookies, and who may call what (every console endpoint × every kind of caller). */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleAuthIntegrationTest {

    private static final String PASSWORD = "Staff-Pass-2026";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String operatorToken;

    @BeforeAll
    void createStaff() {
        ConsoleClient admin = new ConsoleClient(port);
        assertThat(admin.login("admin", IntegrationTest.ADMIN_PASSWORD).status()).isEqualTo(200);
        for (String role : List.of("ADMIN", "REVIEWER", "PUBLISHER")) {
            var created = admin.post("/api/console/admin/staff", Map.of("username", role.toLowerCase() + suffix,
                    "displayName", role, "password", PASSWORD, "roles", List.of(role)));
            assertThat(created.status()).isEqualTo(201);
        }
        operatorToken = MiniApi.on(port).login("console-op-" + suffix).accessToken();
    }

    record Endpoint(String method, String path, Object body, java.util.Set<String> roles) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final java.util.Set<String> STAFF = java.util.Set.of("ADMIN", "REVIEWER", "PUBLISHER");
    private static final java.util.Set<String> REVIEW = java.util.Set.of("REVIEWER");
    private static final java.util.Set<String> REGISTRY = java.util.Set.of("REVIEWER", "ADMIN");
    private static final java.util.Set<String> ADMIN = java.util.Set.of("ADMIN");


    static Stream<Endpoint> endpoints() {
        return Stream.of(
                new Endpoint("GET", "/api/console/auth/me", null, STAFF),
                new Endpoint("GET", "/api/console/dashboard", null, REGISTRY),
                new Endpoint("GET", "/api/console/registry?page=1&size=5", null, REGISTRY),
                new Endpoint("GET", "/api/console/registry/999999999", null, REGISTRY),
                new Endpoint("GET", "/api/console/review/queue", null, REVIEW),
                new Endpoint("GET", "/api/console/review/reason-templates", null, REVIEW),
                new Endpoint("GET", "/api/console/review/filings/999999999", null, REVIEW),
                new Endpoint("POST", "/api/console/review/filings/999999999/approve", Map.of(), REVIEW),
                new Endpoint("POST", "/api/console/review/filings/999999999/reject", Map.of("text", "原因"), REVIEW),
                new Endpoint("POST", "/api/console/review/filings/999999999/paper-received", Map.of(), REVIEW),
                new Endpoint("POST", "/api/console/review/materials/999999999/link", Map.of(), REVIEW),
                new Endpoint("GET", "/api/console/admin/staff", null, ADMIN),
                new Endpoint("POST", "/api/console/admin/staff", Map.of("username", "x"), ADMIN),
                new Endpoint("PUT", "/api/console/admin/staff/999999999", Map.of("enabled", true, "roles", List.of("ADMIN")), ADMIN),
                new Endpoint("POST", "/api/console/admin/staff/999999999/password", Map.of("newPassword", "Abcdefgh-123"), ADMIN),
                new Endpoint("GET", "/api/console/admin/enforcement/overdue", null, ADMIN),
                new Endpoint("GET", "/api/console/admin/enforcement/filings/999999999", null, ADMIN),
                new Endpoint("POST", "/api/console/admin/enforcement/filings/999999999",
                        Map.of("action", "PHONE_URGED", "actedOn", "2026-01-01"), ADMIN),
                new Endpoint("GET", "/api/console/admin/campaigns", null, ADMIN),
                new Endpoint("POST", "/api/console/admin/campaigns", Map.of("name", "x"), ADMIN),
                new Endpoint("PUT", "/api/console/admin/campaigns/999999999",
                        Map.of("name", "x", "startsOn", "2030-01-01", "endsOn", "2030-01-02"), ADMIN),
                new Endpoint("GET", "/api/console/admin/place-names", null, ADMIN),
                new Endpoint("POST", "/api/console/admin/place-names", Map.of("term", "x"), ADMIN),
                new Endpoint("GET", "/api/console/admin/audit", null, ADMIN),
                new Endpoint("GET", "/api/console/admin/audit/verify", null, ADMIN),
                new Endpoint("POST", "/api/console/admin/official-account/menu", Map.of(), ADMIN),
                new Endpoint("GET", "/api/console/admin/exports/0123456789abcdef0123456789abcdef", null, ADMIN),
                new Endpoint("POST", "/api/console/admin/exports", Map.of(), ADMIN),
                new Endpoint("GET", "/api/console/registry/999999999/notices", null, REGISTRY),
                new Endpoint("GET", "/api/console/admin/reminder-rules", null, ADMIN),
                new Endpoint("PUT", "/api/console/admin/reminder-rules/NO_SUCH_RULE", Map.of("enabled", true, "offsets", List.of(1),
                        "title", "x", "body", "y", "version", 0), ADMIN),
                new Endpoint("POST", "/api/console/admin/reminder-rules/NO_SUCH_RULE/preview", Map.of("title", "x", "body", "y"), ADMIN),
                new Endpoint("POST", "/api/console/admin/reminder-rules/run", Map.of(), ADMIN),
                new Endpoint("GET", "/api/console/notifications", null, STAFF),
                new Endpoint("GET", "/api/console/auth/wechat-binding", null, STAFF),
                new Endpoint("POST", "/api/console/notifications/999999999/read", Map.of(), STAFF),
                new Endpoint("POST", "/api/console/auth/password", Map.of("currentPassword", "x", "newPassword", "y"), STAFF));
    }

    static Stream<Arguments> matrix() {
        return endpoints().flatMap(endpoint -> Stream.of("anonymous", "operator", "REVIEWER", "PUBLISHER", "ADMIN")
                .map(caller -> arguments(endpoint, caller)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void roleMatrix(Endpoint endpoint, String caller) {
        ConsoleClient client = new ConsoleClient(port);
        ConsoleClient.Answer answer;
        if (caller.equals("anonymous")) {
            client.get("/api/console/auth/csrf");
            answer = call(client, endpoint);
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.code()).isEqualTo("UNAUTHENTICATED");
            return;
        }
        if (caller.equals("operator")) {
            answer = client.getWithBearer(endpoint.path(), operatorToken);
            assertThat(answer.status()).as("a mini-program token opens nothing in the console").isIn(401, 403);
            return;
        }
        assertThat(client.login(caller.toLowerCase() + suffix, PASSWORD).status()).isEqualTo(200);
        answer = call(client, endpoint);
        if (endpoint.roles().contains(caller)) {
            assertThat(answer.status()).as(answer.raw().body()).isNotIn(401, 403);
        } else {
            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.code()).isEqualTo("FORBIDDEN");
        }
    }

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

    private static ConsoleClient.Answer call(ConsoleClient client, Endpoint endpoint) {
        return switch (endpoint.method()) {
            case "GET" -> client.get(endpoint.path());
            case "PUT" -> client.put(endpoint.path(), endpoint.body());
            default -> client.post(endpoint.path(), endpoint.body());
        };
    }
}
