package cn.cac.gzh.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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

/**
 * The audit view by county (issue 17): every entry is attributed to a county when it is written (its target's, else
 * the writing county office's, else none: city-wide); a 民权县 (411421) administrator sees its county's entries only,
 * the city office sees all and may drill down to one county; only the city office verifies the chain, which still
 * verifies with the county column filled (the column is not hashed).
 */
@IntegrationTest
class AuditCountyScopeIntegrationTest {

    private static final String MINQUAN = SecondCounty.CODE;
    private static final String SUI = "411422";
    private static final String PASSWORD = "Audit-County-2026";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    @SuppressWarnings("unchecked")
    void aCountyAdministratorSeesItsCountysEntriesOnlyAndTheCityOfficeSeesAll() {
        SecondCounty.ensure(jdbc);
        ConsoleClient city = new ConsoleClient(port);
        assertThat(city.login("admin", IntegrationTest.ADMIN_PASSWORD).status()).isEqualTo(200);
        String username = "aud" + UUID.randomUUID().toString().substring(0, 8);
        var created = city.post("/api/console/admin/staff", Map.of("username", username, "displayName", "民权县管理员",
                "password", PASSWORD, "roles", List.of("ADMIN", "REVIEWER"), "scopeCode", MINQUAN));
        assertThat(created.status()).isEqualTo(201);
        long countyAdminId = ((Number) created.get("id")).longValue();
        ConsoleClient county = new ConsoleClient(port);
        assertThat(county.login(username, PASSWORD).status()).isEqualTo(200);

        // a material link on each county's filing, both issued by the city office: the filing's county decides
        MiniApi api = MiniApi.on(port);
        String token = api.loginWithConsent("audit-county-" + UUID.randomUUID()).accessToken();
        long suiMaterial = firstMaterial(city, Submissions.unitFiling(api, token, FilingForms.newOriginalId(), null));
        long minquanMaterial = firstMaterial(city, Submissions.unitFiling(api, token, FilingForms.newOriginalId(), MINQUAN));
        assertThat(city.post("/api/console/review/materials/" + suiMaterial + "/link", null).status()).isEqualTo(200);
        assertThat(city.post("/api/console/review/materials/" + minquanMaterial + "/link", null).status()).isEqualTo(200);
        // the county administrator's own act without a county target: the caller's county decides
        String term = "审县" + UUID.randomUUID().toString().substring(0, 4);
        assertThat(county.post("/api/console/admin/place-names", Map.of("term", term, "kind", "LOCAL_FEATURE")).status())
                .isEqualTo(201);
        assertThat(county.send("DELETE", "/api/console/admin/place-names?term=" + URLEncoder.encode(term, StandardCharsets.UTF_8))
                .status()).isEqualTo(204);

        // attribution, as stored
        assertThat(countyOf("MATERIAL_DOWNLOAD_LINK", "MATERIAL_FILE", suiMaterial)).isEqualTo(SUI);
        assertThat(countyOf("MATERIAL_DOWNLOAD_LINK", "MATERIAL_FILE", minquanMaterial)).isEqualTo(MINQUAN);
        assertThat(countyOf("STAFF_CREATED", "STAFF_USER", countyAdminId)).as("a staff account's county").isEqualTo(MINQUAN);
        assertThat(countyOf("LOGIN", "STAFF_USER", countyAdminId)).isEqualTo(MINQUAN);
        assertThat(jdbc.queryForList("SELECT county_code FROM audit_log WHERE target_type = 'PLACE_NAME' AND target_id = ?",
                String.class, term)).containsExactly(MINQUAN, MINQUAN);
        long cityAdminId = jdbc.queryForObject("SELECT id FROM staff_user WHERE username = 'admin'", Long.class);
        assertThat(jdbc.queryForObject("SELECT county_code FROM audit_log WHERE action = 'LOGIN' AND target_type = 'STAFF_USER' "
                + "AND target_id = ? ORDER BY id DESC LIMIT 1", String.class, String.valueOf(cityAdminId)))
                .as("the city office's own account: city-wide").isNull();

        // the county administrator: its county's entries only, the other county's and the city-wide ones not
        var countyView = county.get("/api/console/admin/audit?size=100");
        assertThat(countyView.status()).isEqualTo(200);
        assertThat(((Number) countyView.get("total")).longValue())
                .isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE county_code = ?", Long.class, MINQUAN));
        assertThat((List<Map<String, Object>>) countyView.get("items")).isNotEmpty()
                .allSatisfy(item -> assertThat(item.get("countyCode")).isEqualTo(MINQUAN));
        assertThat(total(county, "/api/console/admin/audit?targetType=MATERIAL_FILE&targetId=" + minquanMaterial)).isEqualTo(1);
        assertThat(total(county, "/api/console/admin/audit?targetType=MATERIAL_FILE&targetId=" + suiMaterial))
                .as("the other county's entry").isZero();
        assertThat(total(county, "/api/console/admin/audit?targetType=STAFF_USER&targetId=" + cityAdminId))
                .as("the city office's entries").isZero();
        assertThat(total(county, "/api/console/admin/audit?county=" + MINQUAN + "&targetId=" + minquanMaterial)).isEqualTo(1);
        var across = county.get("/api/console/admin/audit?county=" + SUI);
        assertThat(across.status()).isEqualTo(403);
        assertThat(across.code()).isEqualTo("SCOPE_FORBIDDEN");

        // the city office: both counties and the city-wide entries; drilled down to 民权县, that county's only
        assertThat(total(city, "/api/console/admin/audit?targetType=MATERIAL_FILE&targetId=" + suiMaterial)).isEqualTo(1);
        assertThat(total(city, "/api/console/admin/audit?targetType=MATERIAL_FILE&targetId=" + minquanMaterial)).isEqualTo(1);
        assertThat(total(city, "/api/console/admin/audit?targetType=STAFF_USER&targetId=" + cityAdminId)).isPositive();
        assertThat(total(city, "/api/console/admin/audit")).isGreaterThan(((Number) countyView.get("total")).longValue());
        var drilled = city.get("/api/console/admin/audit?county=" + MINQUAN + "&size=100");
        assertThat(((Number) drilled.get("total")).longValue())
                .isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE county_code = ?", Long.class, MINQUAN));
        assertThat((List<Map<String, Object>>) drilled.get("items"))
                .allSatisfy(item -> assertThat(item.get("countyCode")).isEqualTo(MINQUAN));
        assertThat(total(city, "/api/console/admin/audit?county=" + MINQUAN + "&targetType=MATERIAL_FILE&targetId=" + suiMaterial))
                .isZero();
        assertThat(city.get("/api/console/admin/audit?county=999999").code()).isEqualTo("COUNTY_UNKNOWN");

        // the chain spans every county: the city office verifies it, the new entries (county filled) included
        var refused = county.get("/api/console/admin/audit/verify");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("SCOPE_FORBIDDEN");
        assertThat(refused.get("message")).isEqualTo("审计链校验由市级网信办进行");
        var check = city.get("/api/console/admin/audit/verify");
        assertThat(check.status()).isEqualTo(200);
        assertThat(check.get("valid")).isEqualTo(true);
        assertThat(((Number) check.get("entries")).longValue()).isGreaterThanOrEqualTo(
                jdbc.queryForObject("SELECT MAX(id) FROM audit_log WHERE target_type = 'PLACE_NAME' AND target_id = ?", Long.class, term));
    }

    private String countyOf(String action, String targetType, long targetId) {
        return jdbc.queryForObject("SELECT county_code FROM audit_log WHERE action = ? AND target_type = ? AND target_id = ? "
                + "ORDER BY id DESC LIMIT 1", String.class, action, targetType, String.valueOf(targetId));
    }

    private static long total(ConsoleClient client, String path) {
        var answer = client.get(path);
        assertThat(answer.status()).as(path).isEqualTo(200);
        return ((Number) answer.get("total")).longValue();
    }

    @SuppressWarnings("unchecked")
    private static long firstMaterial(ConsoleClient city, long filing) {
        return ((Number) ((List<Map<String, Object>>) city.get("/api/console/review/filings/" + filing).get("materials"))
                .get(0).get("id")).longValue();
    }
}
