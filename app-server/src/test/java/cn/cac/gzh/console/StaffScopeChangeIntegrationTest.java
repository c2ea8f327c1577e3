package cn.cac.gzh.console;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.cac.testsupport.ConsoleClient;
import cn.cac.testsupport.FilingForms;
import cn.cac.testsupport.IntegrationTest;
import cn.cac.testsupport.MiniApi;
import cn.cac.testsupport.SecondCounty;
import cn.cac.testsupport.Submissions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The city office moves an account between counties (or to the city); the change holds from the account's next
 * request, in the session it already has, and a disabled account's session ends. A county office cannot change a
 * scope, an unknown scope is refused, and the city always keeps an enabled administrator.
 */
@IntegrationTest
class StaffScopeChangeIntegrationTest {

    private static final String PASSWORD = "Scope-Change-2026";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    @SuppressWarnings("unchecked")
    void theCityMovesAnAccountBetweenCountiesAndTheLiveSessionFollows() {
        String minquan = SecondCounty.ensure(jdbc);
        ConsoleClient city = new ConsoleClient(port);
        assertThat(city.login("admin", IntegrationTest.ADMIN_PASSWORD).status()).isEqualTo(200);
        String username = "mv" + UUID.randomUUID().toString().substring(0, 8);
        var created = city.post("/api/console/admin/staff", Map.of("username", username, "displayName", "调动的审核员",
                "password", PASSWORD, "roles", List.of("ADMIN", "REVIEWER"), "scopeCode", minquan));
        assertThat(created.status()).isEqualTo(201);
        long id = ((Number) created.get("id")).longValue();
        ConsoleClient moved = new ConsoleClient(port);
        assertThat(moved.login(username, PASSWORD).status()).isEqualTo(200);

        MiniApi api = MiniApi.on(port);
        String token = api.loginWithConsent("move-" + UUID.randomUUID()).accessToken();
        String suiOriginalId = FilingForms.newOriginalId();
        Submissions.unitFiling(api, token, suiOriginalId, "411422");
        String minquanOriginalId = FilingForms.newOriginalId();
        Submissions.unitFiling(api, token, minquanOriginalId, minquan);
        assertThat(total(moved, minquanOriginalId)).isEqualTo(1);
        assertThat(total(moved, suiOriginalId)).isZero();
        assertThat(((List<Map<String, Object>>) city.get("/api/console/admin/staff").get("items")).stream()
                .filter(s -> username.equals(s.get("username"))).map(s -> s.get("scopeCode"))).containsExactly(minquan);

        // the city office moves it to 睢县: the session it already has follows at once
        var move = city.put("/api/console/admin/staff/" + id, Map.of("enabled", true, "roles", List.of("ADMIN", "REVIEWER"),
                "scopeCode", "411422"));
        assertThat(move.status()).isEqualTo(200);
        assertThat(move.get("scopeCode")).isEqualTo("411422");
        assertThat(moved.get("/api/console/auth/me").get("scopeCode")).isEqualTo("411422");
        assertThat(total(moved, suiOriginalId)).isEqualTo(1);
        assertThat(total(moved, minquanOriginalId)).as("the county it left").isZero();
        assertThat(jdbc.queryForObject("SELECT detail FROM audit_log WHERE action = 'STAFF_UPDATED' AND target_id = ? "
                + "ORDER BY id DESC LIMIT 1", String.class, String.valueOf(id))).isEqualTo("scope=411421->411422");

        // a county office cannot change a scope, not even its own to the city; an unknown one is refused
        String before = row(id);
        for (String scope : List.of("411400", minquan)) {
            var refused = moved.put("/api/console/admin/staff/" + id, Map.of("enabled", true,
                    "roles", List.of("ADMIN", "REVIEWER"), "scopeCode", scope));
            assertThat(refused.status()).as("a county administrator moving to %s", scope).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("SCOPE_FORBIDDEN");
        }
        var unknown = city.put("/api/console/admin/staff/" + id, Map.of("enabled", true, "roles", List.of("REVIEWER"),
                "scopeCode", "999900"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.code()).isEqualTo("SCOPE_UNKNOWN");
        assertThat(unknown.get("message")).isEqualTo("所选县（区）或市不在本平台服务范围内");
        var malformed = city.put("/api/console/admin/staff/" + id, Map.of("enabled", true, "roles", List.of("REVIEWER"),
                "scopeCode", "41a422"));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(row(id)).as("nothing changed by a refused request").isEqualTo(before);

        // to the city: it now sees both counties; roles taken away hold at once as well
        assertThat(city.put("/api/console/admin/staff/" + id, Map.of("enabled", true, "roles", List.of("REVIEWER"),
                "scopeCode", "411400")).status()).isEqualTo(200);
        assertThat(total(moved, suiOriginalId)).isEqualTo(1);
        assertThat(total(moved, minquanOriginalId)).isEqualTo(1);
        assertThat(moved.get("/api/console/admin/staff").status()).as("no longer an administrator").isEqualTo(403);

        // disabled: its session ends with its next request
        assertThat(city.put("/api/console/admin/staff/" + id, Map.of("enabled", false, "roles", List.of("REVIEWER")))
                .status()).isEqualTo(200);
        var signedOut = moved.get("/api/console/review/queue");
        assertThat(signedOut.status()).isEqualTo(401);
        assertThat(signedOut.code()).isEqualTo("UNAUTHENTICATED");
        assertThat(city.put("/api/console/admin/staff/" + id, Map.of("enabled", true, "roles", List.of("REVIEWER")))
                .status()).isEqualTo(200);
        assertThat(moved.get("/api/console/review/queue").status()).as("the ended session stays ended").isEqualTo(401);
    }

    @Test
    void theCityKeepsAnEnabledAdministrator() {
        ConsoleClient city = new ConsoleClient(port);
        assertThat(city.login("admin", IntegrationTest.ADMIN_PASSWORD).status()).isEqualTo(200);
        long admin = jdbc.queryForObject("SELECT id FROM staff_user WHERE username = 'admin'", Long.class);
        // other tests' city administrators are set aside for the moment, so that 'admin' is the last one
        List<Long> others = jdbc.queryForList("""
                SELECT DISTINCT u.id FROM staff_user u JOIN staff_user_role r ON r.staff_id = u.id
                WHERE u.enabled = TRUE AND u.county_code = '411400' AND r.role = 'ADMIN' AND u.id <> ?""", Long.class, admin);
        others.forEach(other -> jdbc.update("UPDATE staff_user SET enabled = FALSE WHERE id = ?", other));
        try {
            String before = row(admin);
            List<Map<String, Object>> changes = List.of(
                    Map.of("enabled", true, "roles", List.of("ADMIN", "REVIEWER", "PUBLISHER"), "scopeCode", "411422"),
                    Map.of("enabled", false, "roles", List.of("ADMIN", "REVIEWER", "PUBLISHER")),
                    Map.of("enabled", true, "roles", List.of("REVIEWER", "PUBLISHER")));
            for (Map<String, Object> change : changes) {
                var refused = city.put("/api/console/admin/staff/" + admin, change);
                assertThat(refused.status()).as("%s", change).isEqualTo(409);
                assertThat(refused.code()).isEqualTo("LAST_CITY_ADMIN");
                assertThat(refused.get("message")).isEqualTo("至少须保留一名启用的市级管理员");
            }
            assertThat(row(admin)).isEqualTo(before);
            assertThat(city.get("/api/console/admin/staff").status()).as("still the city's administrator").isEqualTo(200);
        } finally {
            others.forEach(other -> jdbc.update("UPDATE staff_user SET enabled = TRUE WHERE id = ?", other));
        }
    }

    @Test
    void twoAdministratorsDisablingEachOtherAtOnceLeaveOne() throws Exception {
        ConsoleClient admin = new ConsoleClient(port);
        assertThat(admin.login("admin", IntegrationTest.ADMIN_PASSWORD).status()).isEqualTo(200);
        long adminId = jdbc.queryForObject("SELECT id FROM staff_user WHERE username = 'admin'", Long.class);
        String username = "peer" + UUID.randomUUID().toString().substring(0, 8);
        var created = admin.post("/api/console/admin/staff", Map.of("username", username, "displayName", "另一位市级管理员",
                "password", PASSWORD, "roles", List.of("ADMIN"), "scopeCode", "411400"));
        long peerId = ((Number) created.get("id")).longValue();
        List<Long> others = jdbc.queryForList("""
                SELECT DISTINCT u.id FROM staff_user u JOIN staff_user_role r ON r.staff_id = u.id
                WHERE u.enabled = TRUE AND u.county_code = '411400' AND r.role = 'ADMIN' AND u.id NOT IN (?, ?)""",
                Long.class, adminId, peerId);
        others.forEach(other -> jdbc.update("UPDATE staff_user SET enabled = FALSE WHERE id = ?", other));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                jdbc.update("UPDATE staff_user SET enabled = TRUE WHERE id IN (?, ?)", adminId, peerId);
                ConsoleClient first = new ConsoleClient(port);
                assertThat(first.login("admin", IntegrationTest.ADMIN_PASSWORD).status()).isEqualTo(200);
                ConsoleClient second = new ConsoleClient(port);
                assertThat(second.login(username, PASSWORD).status()).isEqualTo(200);
                Map<String, Object> disable = Map.of("enabled", false, "roles", List.of("ADMIN", "REVIEWER", "PUBLISHER"));
                var a = pool.submit(() -> first.put("/api/console/admin/staff/" + peerId, disable));
                var b = pool.submit(() -> second.put("/api/console/admin/staff/" + adminId, disable));
                List<Integer> statuses = List.of(a.get().status(), b.get().status());
                // the loser is refused (409), or already signed out when the winner committed before it began (401)
                assertThat(statuses).as("round %d", round).containsOnlyOnce(200)
                        .anySatisfy(status -> assertThat(status).isIn(409, 401));
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM staff_user WHERE id IN (?, ?) AND enabled = TRUE",
                        Integer.class, adminId, peerId)).as("round %d", round).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
            jdbc.update("UPDATE staff_user SET enabled = TRUE WHERE id = ?", adminId);
            jdbc.update("UPDATE staff_user SET enabled = FALSE WHERE id = ?", peerId);
            others.forEach(other -> jdbc.update("UPDATE staff_user SET enabled = TRUE WHERE id = ?", other));
        }
    }

    private String row(long id) {
        return jdbc.queryForObject("SELECT CONCAT_WS('|', display_name, enabled, county_code, "
                + "(SELECT GROUP_CONCAT(role ORDER BY role) FROM staff_user_role WHERE staff_id = u.id)) FROM staff_user u WHERE id = ?",
                String.class, id);
    }

    private static int total(ConsoleClient client, String originalId) {
        var answer = client.get("/api/console/review/queue?text=" + originalId);
        assertThat(answer.status()).isEqualTo(200);
        return ((Number) answer.get("total")).intValue();
    }
}
