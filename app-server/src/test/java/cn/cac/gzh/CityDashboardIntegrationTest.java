package cn.cac.gzh;

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
 * The city view (issue 17): the dashboard's {@code byCounty} has a row per county of the city with the database's
 * counts, and the city office's {@code county} drill-down narrows the dashboard, the registry and the review queue to
 * one county through the same tenant-line rewrite as a county office; an unknown county is 400, another county asked
 * for by a county office 403, its own county fine; operators are not narrowed.
 */
@IntegrationTest
class CityDashboardIntegrationTest {

    private static final String SUIXIAN = "411422";
    private static final String MINQUAN = SecondCounty.CODE;
    private static final String PASSWORD = "City-View-2026";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    @SuppressWarnings("unchecked")
    void theCityOfficeSeesEveryCountyAndDrillsDownToOneWhileACountyOfficeKeepsToItsOwn() {
        SecondCounty.ensure(jdbc);
        MiniApi api = MiniApi.on(port);
        String token = api.loginWithConsent("city-" + UUID.randomUUID()).accessToken();
        String suiId = FilingForms.newOriginalId();
        long sui = Submissions.unitFiling(api, token, suiId, null);
        String minquanId = FilingForms.newOriginalId();
        long minquan = Submissions.unitFiling(api, token, minquanId, MINQUAN);
        // an overdue draft of 民权县 (its due date moved into the past)
        long overdueDraft = api.post("/api/mini/filings", token, form(FilingForms.newOriginalId(), MINQUAN)).id();
        jdbc.update("UPDATE filing SET due_on = '2020-01-01' WHERE id = ?", overdueDraft);

        ConsoleClient city = new ConsoleClient(port);
        assertThat(city.login("admin", IntegrationTest.ADMIN_PASSWORD).status()).isEqualTo(200);
        ConsoleClient county = countyOffice(city);

        // every county of the city, in code order, with the database's counts
        var dashboard = city.get("/api/console/dashboard");
        assertThat(dashboard.status()).isEqualTo(200);
        List<Map<String, Object>> byCounty = (List<Map<String, Object>>) dashboard.get("byCounty");
        assertThat(byCounty).extracting(row -> row.get("countyCode"))
                .containsExactlyElementsOf(jdbc.queryForList("SELECT code FROM region_county ORDER BY code", String.class));
        assertThat(byCounty).extracting(row -> row.get("countyName")).contains("睢县", "民权县");
        for (Map<String, Object> row : byCounty) {
            assertCountsOf(row);
        }
        assertThat(byCounty.stream().mapToLong(row -> number(row, "total")).sum()).isEqualTo(number(dashboard.body(), "total"));
        assertThat(number(row(byCounty, MINQUAN), "overdue")).isPositive();

        // the city office drills down to 民权县: every count is that county's
        var drilled = city.get("/api/console/dashboard?county=" + MINQUAN);
        assertThat(drilled.status()).isEqualTo(200);
        assertThat(number(drilled.body(), "total")).isEqualTo(count("SELECT COUNT(*) FROM filing WHERE county_code = ?", MINQUAN));
        assertThat(number((Map<String, Object>) drilled.get("byStatus"), "SUBMITTED"))
                .isEqualTo(count("SELECT COUNT(*) FROM filing WHERE county_code = ? AND status = 'SUBMITTED'", MINQUAN));
        assertThat(number(drilled.body(), "overdue")).isEqualTo(count(
                "SELECT COUNT(*) FROM filing WHERE county_code = ? AND status IN ('DRAFT', 'REJECTED') AND due_on < ?", MINQUAN, today()));
        List<Map<String, Object>> drilledRows = (List<Map<String, Object>>) drilled.get("byCounty");
        assertThat(drilledRows).extracting(row -> row.get("countyCode")).containsExactly(MINQUAN);
        assertCountsOf(drilledRows.get(0));
        // the registry and the queue likewise
        assertThat(total(city, "/api/console/registry?county=" + MINQUAN + "&text=" + minquanId)).isEqualTo(1);
        assertThat(total(city, "/api/console/registry?county=" + MINQUAN + "&text=" + suiId)).isZero();
        assertThat(total(city, "/api/console/registry?county=" + SUIXIAN + "&text=" + suiId)).isEqualTo(1);
        assertThat(total(city, "/api/console/registry?county=" + MINQUAN)).isEqualTo(
                (int) Math.min(10_000, count("SELECT COUNT(*) FROM filing WHERE county_code = ?", MINQUAN)));
        assertThat(total(city, "/api/console/review/queue?county=" + MINQUAN + "&text=" + minquanId)).isEqualTo(1);
        assertThat(total(city, "/api/console/review/queue?county=" + SUIXIAN + "&text=" + minquanId)).isZero();
        // the drill-down lasts one request: the next one without it sees the whole city again
        assertThat(total(city, "/api/console/registry?text=" + suiId)).isEqualTo(1);
        assertThat(total(city, "/api/console/registry?text=" + minquanId)).isEqualTo(1);
        assertThat(city.get("/api/console/review/filings/" + sui).status()).isEqualTo(200);

        // an unknown county: 400 for anyone
        for (ConsoleClient caller : List.of(city, county)) {
            for (String path : List.of("/api/console/dashboard", "/api/console/registry", "/api/console/review/queue")) {
                var unknown = caller.get(path + "?county=999999");
                assertThat(unknown.status()).as(path).isEqualTo(400);
                assertThat(unknown.code()).as(path).isEqualTo("COUNTY_UNKNOWN");
                assertThat(unknown.body().get("message")).isEqualTo("所选县（区）不在本平台服务范围内");
            }
        }

        // a county office naming the city: known, only not theirs — 403, not "unknown"
        for (String path : List.of("/api/console/dashboard", "/api/console/registry", "/api/console/review/queue")) {
            var cityWide = county.get(path + "?county=411400");
            assertThat(cityWide.status()).as(path).isEqualTo(403);
            assertThat(cityWide.code()).as(path).isEqualTo("SCOPE_FORBIDDEN");
        }

        // a county office: its own county only, with or without the parameter; another county is 403
        List<Map<String, Object>> own = (List<Map<String, Object>>) county.get("/api/console/dashboard").get("byCounty");
        assertThat(own).extracting(row -> row.get("countyCode")).containsExactly(MINQUAN);
        assertCountsOf(own.get(0));
        var ownDrilled = county.get("/api/console/dashboard?county=" + MINQUAN);
        assertThat(ownDrilled.status()).isEqualTo(200);
        assertThat(ownDrilled.get("total")).isEqualTo(county.get("/api/console/dashboard").get("total"));
        assertThat(total(county, "/api/console/registry?county=" + MINQUAN + "&text=" + minquanId)).isEqualTo(1);
        assertThat(total(county, "/api/console/review/queue?county=" + MINQUAN + "&text=" + minquanId)).isEqualTo(1);
        for (String path : List.of("/api/console/dashboard", "/api/console/registry", "/api/console/review/queue")) {
            var other = county.get(path + "?county=" + SUIXIAN);
            assertThat(other.status()).as(path).isEqualTo(403);
            assertThat(other.code()).as(path).isEqualTo("SCOPE_FORBIDDEN");
            assertThat(other.body().get("message")).isEqualTo("只能查看本县（区）的数据");
        }

        // operators are not narrowed: one operator's filings of both counties are all theirs
        var mine = api.get("/api/mini/filings?county=" + MINQUAN, token);
        assertThat(mine.status()).isEqualTo(200);
        assertThat((List<Map<String, Object>>) mine.get("items")).extracting(item -> ((Number) item.get("id")).longValue())
                .contains(sui, minquan, overdueDraft);
    }

    /** A 民权县 reviewer-administrator, created by the city office. */
    private ConsoleClient countyOffice(ConsoleClient city) {
        String username = "mqc" + UUID.randomUUID().toString().substring(0, 8);
        var created = city.post("/api/console/admin/staff", Map.of("username", username, "displayName", "民权县管理员",
                "password", PASSWORD, "roles", List.of("ADMIN", "REVIEWER"), "scopeCode", MINQUAN));
        assertThat(created.status()).isEqualTo(201);
        ConsoleClient county = new ConsoleClient(port);
        assertThat(county.login(username, PASSWORD).status()).isEqualTo(200);
        return county;
    }

    private void assertCountsOf(Map<String, Object> row) {
        String code = (String) row.get("countyCode");
        assertThat(number(row, "total")).as(code).isEqualTo(count("SELECT COUNT(*) FROM filing WHERE county_code = ?", code));
        assertThat(number(row, "submitted")).as(code)
                .isEqualTo(count("SELECT COUNT(*) FROM filing WHERE county_code = ? AND status = 'SUBMITTED'", code));
        assertThat(number(row, "approved")).as(code)
                .isEqualTo(count("SELECT COUNT(*) FROM filing WHERE county_code = ? AND status = 'APPROVED'", code));
        assertThat(number(row, "overdue")).as(code).isEqualTo(count(
                "SELECT COUNT(*) FROM filing WHERE county_code = ? AND status IN ('DRAFT', 'REJECTED') AND due_on < ?", code, today()));
    }

    private static Map<String, Object> row(List<Map<String, Object>> rows, String code) {
        return rows.stream().filter(row -> code.equals(row.get("countyCode"))).findFirst().orElseThrow();
    }

    private long count(String sql, Object... arguments) {
        return jdbc.queryForObject(sql, Long.class, arguments);
    }

    /** The service's today: the Beijing calendar day. */
    private static java.time.LocalDate today() {
        return java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
    }

    private static long number(Map<String, Object> map, String key) {
        return ((Number) map.get(key)).longValue();
    }

    private static int total(ConsoleClient client, String path) {
        var answer = client.get(path);
        assertThat(answer.status()).as(path).isEqualTo(200);
        return ((Number) answer.get("total")).intValue();
    }

    private static Map<String, Object> form(String originalId, String countyCode) {
        Map<String, Object> form = FilingForms.unitForm(originalId);
        if (countyCode != null) {
            form.put("countyCode", countyCode);
        }
        return form;
    }
}
