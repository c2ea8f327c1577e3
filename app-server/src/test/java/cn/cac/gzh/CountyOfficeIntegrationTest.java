package cn.cac.gzh;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.cac.testsupport.ConsoleClient;
import cn.cac.testsupport.CountyStaff;
import cn.cac.testsupport.FilingForms;
import cn.cac.testsupport.IntegrationTest;
import cn.cac.testsupport.MiniApi;
import cn.cac.testsupport.SecondCounty;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each county's office information and campaigns (issue 17): a county without a profile of its own shows the city
 * office's; a county office edits its own county's profile and campaigns only, the city office the city's, a named
 * county's and city-wide campaigns; a filing's due date follows its county's campaigns.
 */
@IntegrationTest
class CountyOfficeIntegrationTest {

    private static final String SUIXIAN = "411422";
    private static final String MINQUAN = SecondCounty.CODE;
    private static final String CITY = "411400";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    @SuppressWarnings("unchecked")
    void aCountyShowsTheCityOfficeUntilItsOfficeFillsInItsOwnAndEditsNoOtherCountys() {
        SecondCounty.ensure(jdbc);
        forgetMinquanOffice();
        MiniApi mini = MiniApi.on(port);
        ConsoleClient city = cityOffice();
        ConsoleClient county = CountyStaff.signedIn(port, city, MINQUAN, List.of("ADMIN"));
        String suixianBefore = profileRow(SUIXIAN);
        try {
            // the mini-program: the default county's own office, 民权县 falls back to the city office's
            assertThat(mini.get("/api/mini/office", null).map("office").get("regionCode")).isEqualTo(SUIXIAN);
            var fallback = mini.get("/api/mini/office?county=" + MINQUAN, null);
            assertThat(fallback.status()).isEqualTo(200);
            assertThat(fallback.map("office").get("regionCode")).isEqualTo(CITY);
            assertThat((String) fallback.map("office").get("name")).contains("商丘市");
            var unknown = mini.get("/api/mini/office?county=999999", null);
            assertThat(unknown.status()).isEqualTo(400);
            assertThat(unknown.code()).isEqualTo("COUNTY_UNKNOWN");

            // the console: the county office's own county, not yet its own
            var own = county.get("/api/console/admin/office");
            assertThat(own.status()).isEqualTo(200);
            assertThat(own.get("regionCode")).isEqualTo(MINQUAN);
            assertThat(own.get("own")).isEqualTo(false);
            assertThat(((Map<String, Object>) own.get("profile")).get("regionCode")).isEqualTo(CITY);
            var cityOwn = city.get("/api/console/admin/office");
            assertThat(cityOwn.get("regionCode")).isEqualTo(CITY);
            assertThat(cityOwn.get("own")).isEqualTo(true);

            // another county's: 403, nothing changed
            assertThat(county.get("/api/console/admin/office?county=" + SUIXIAN).code()).isEqualTo("SCOPE_FORBIDDEN");
            var foreign = county.put("/api/console/admin/office?county=" + SUIXIAN, details("民权县委网信办", "13800000001"));
            assertThat(foreign.status()).isEqualTo(403);
            assertThat(foreign.code()).isEqualTo("SCOPE_FORBIDDEN");
            assertThat(county.put("/api/console/admin/office?county=999999", details("x", "13800000001")).code())
                    .isEqualTo("COUNTY_UNKNOWN");
            // bad input: 400 with a Chinese message, nothing written
            var blank = county.put("/api/console/admin/office", details(" ", "13800000001"));
            assertThat(blank.status()).isEqualTo(400);
            assertThat(blank.code()).isEqualTo("VALIDATION_FAILED");
            Map<String, Object> badEmail = details("民权县委网信办", "13800000001");
            badEmail.put("email", "not-an-address");
            assertThat(county.put("/api/console/admin/office", badEmail).status()).isEqualTo(400);
            var incomplete = county.put("/api/console/admin/office", details("民权县委网信办", null));
            assertThat(incomplete.status()).isEqualTo(400);
            assertThat(incomplete.code()).isEqualTo("CONTACT_INCOMPLETE");
            assertThat((String) incomplete.get("message")).contains("电话");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM office_profile WHERE region_code = ?", Integer.class, MINQUAN)).isZero();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM office_contact WHERE region_code = ?", Integer.class, MINQUAN)).isZero();
            assertThat(profileRow(SUIXIAN)).isEqualTo(suixianBefore);

            // its own: saved, audited, shown at once to 民权县's operators only
            var saved = county.put("/api/console/admin/office", details("中共民权县委网信办", "13800000001"));
            assertThat(saved.status()).isEqualTo(200);
            assertThat(saved.get("own")).isEqualTo(true);
            var shown = mini.get("/api/mini/office?county=" + MINQUAN, null).map("office");
            assertThat(shown.get("regionCode")).isEqualTo(MINQUAN);
            assertThat(shown.get("name")).isEqualTo("中共民权县委网信办");
            assertThat((List<Map<String, Object>>) shown.get("contacts")).extracting(c -> c.get("name")).containsExactly("值班室", "信息科");
            assertThat(mini.get("/api/mini/office", null).map("office").get("regionCode")).isEqualTo(SUIXIAN);
            assertThat(profileRow(SUIXIAN)).isEqualTo(suixianBefore);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'OFFICE_PROFILE_UPDATED' AND target_id = ?",
                    Integer.class, MINQUAN)).isPositive();
            // the city office edits a named county's
            assertThat(city.put("/api/console/admin/office?county=" + MINQUAN, details("民权县网信办", "0370-1234567")).status())
                    .isEqualTo(200);
            assertThat(mini.get("/api/mini/office?county=" + MINQUAN, null).map("office").get("name")).isEqualTo("民权县网信办");
        } finally {
            forgetMinquanOffice();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void campaignsAreCityWideOrACountysOwnAndAFilingsDueDateFollowsItsCountys() {
        SecondCounty.ensure(jdbc);
        ConsoleClient city = cityOffice();
        ConsoleClient county = CountyStaff.signedIn(port, city, MINQUAN, List.of("ADMIN"));
        List<Long> created = new java.util.ArrayList<>();
        try {
            // a county office's campaign is its county's; it cannot name another
            var own = county.post("/api/console/admin/campaigns", campaign("民权县集中登记", "2015-03-01", "2015-06-30", null));
            assertThat(own.status()).isEqualTo(201);
            long ownId = id(own);
            created.add(ownId);
            assertThat(own.get("countyCode")).isEqualTo(MINQUAN);
            int before = campaignCount();
            var foreign = county.post("/api/console/admin/campaigns", campaign("睢县", "2015-03-01", "2015-03-02", SUIXIAN));
            assertThat(foreign.status()).isEqualTo(403);
            assertThat(foreign.code()).isEqualTo("SCOPE_FORBIDDEN");
            assertThat(campaignCount()).isEqualTo(before);
            // the city office: city-wide, or a named county's
            var citywide = city.post("/api/console/admin/campaigns", campaign("全市集中登记", "2099-01-01", "2099-01-31", null));
            assertThat(citywide.status()).isEqualTo(201);
            created.add(id(citywide));
            assertThat(citywide.get("countyCode")).isNull();
            var suixian = city.post("/api/console/admin/campaigns", campaign("睢县补充登记", "2099-03-01", "2099-03-31", SUIXIAN));
            created.add(id(suixian));
            assertThat(suixian.get("countyCode")).isEqualTo(SUIXIAN);

            // lists: a county office sees the city-wide ones and its own
            List<Object> countyList = ids(county.get("/api/console/admin/campaigns"));
            assertThat(countyList).contains(ownId, id(citywide)).doesNotContain(id(suixian));
            assertThat(ids(city.get("/api/console/admin/campaigns"))).contains(ownId, id(citywide), id(suixian));
            assertThat(ids(city.get("/api/console/admin/campaigns?county=" + SUIXIAN))).contains(id(citywide), id(suixian))
                    .doesNotContain(ownId);
            // another county's looks missing, a city-wide one is the city's: nothing changes
            var otherPut = county.put("/api/console/admin/campaigns/" + id(suixian), campaign("改", "2099-03-01", "2099-03-02", null));
            assertThat(otherPut.status()).isEqualTo(404);
            assertThat(otherPut.code()).isEqualTo("CAMPAIGN_NOT_FOUND");
            assertThat(county.send("DELETE", "/api/console/admin/campaigns/" + id(suixian)).status()).isEqualTo(404);
            var cityPut = county.put("/api/console/admin/campaigns/" + id(citywide), campaign("改", "2099-01-01", "2099-01-02", null));
            assertThat(cityPut.status()).isEqualTo(403);
            assertThat(cityPut.code()).isEqualTo("SCOPE_FORBIDDEN");
            assertThat(county.send("DELETE", "/api/console/admin/campaigns/" + id(citywide)).status()).isEqualTo(403);
            assertThat(jdbc.queryForList("SELECT name FROM filing_campaign WHERE id IN (?, ?)", String.class, id(suixian), id(citywide)))
                    .containsExactlyInAnyOrder("睢县补充登记", "全市集中登记");

            // the mini-program: each county's campaigns
            assertThat(campaignIds(MiniApi.on(port).get("/api/mini/office?county=" + MINQUAN, null).get("campaigns")))
                    .contains(ownId, id(citywide)).doesNotContain(id(suixian));
            assertThat(campaignIds(MiniApi.on(port).get("/api/mini/office", null).get("campaigns")))
                    .contains(id(suixian), id(citywide)).doesNotContain(ownId);

            // due dates: opened during 民权县's campaign → its end; the same day in 睢县 → before 睢县's first campaign (2016)
            MiniApi api = MiniApi.on(port);
            String token = api.loginWithConsent("county-office-" + UUID.randomUUID()).accessToken();
            long minquanFiling = draft(api, token, MINQUAN);
            long suixianFiling = draft(api, token, null);
            assertThat(dueOn(minquanFiling)).isEqualTo(LocalDate.parse("2015-06-30"));
            assertThat(dueOn(suixianFiling)).isEqualTo(LocalDate.parse("2016-08-10"));
            // the county office moves its campaign's end: its filings' due dates follow (in the background), 睢县's stay
            var moved = county.put("/api/console/admin/campaigns/" + ownId, campaign("民权县集中登记", "2015-03-01", "2015-07-31", null));
            assertThat(moved.status()).isEqualTo(200);
            assertThat(moved.get("countyCode")).isEqualTo(MINQUAN);
            await().atMost(Duration.ofSeconds(20)).until(() -> LocalDate.parse("2015-07-31").equals(dueOn(minquanFiling)));
            assertThat(dueOn(suixianFiling)).isEqualTo(LocalDate.parse("2016-08-10"));
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'CAMPAIGN_UPDATED' AND target_id = ? "
                    + "AND detail = ?", Integer.class, String.valueOf(ownId), "county=" + MINQUAN)).isEqualTo(1);
        } finally {
            for (long id : created) {
                city.send("DELETE", "/api/console/admin/campaigns/" + id);
            }
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM filing_campaign WHERE id IN (" + String.join(",",
                created.stream().map(String::valueOf).toList()) + ")", Integer.class)).isZero();
    }

    private ConsoleClient cityOffice() {
        ConsoleClient city = new ConsoleClient(port);
        assertThat(city.login("admin", IntegrationTest.ADMIN_PASSWORD).status()).isEqualTo(200);
        return city;
    }

    private static Map<String, Object> details(String name, String firstPhone) {
        Map<String, Object> first = new HashMap<>();
        first.put("name", "值班室");
        first.put("phone", firstPhone);
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("address", "民权县人民路1号");
        body.put("email", "mq@example.cn");
        body.put("instructions", "凡在本县开设的微信公众号，均应登记备案。");
        body.put("contacts", List.of(first, Map.of("name", "信息科", "email", "xxk@example.cn")));
        return body;
    }

    private static Map<String, Object> campaign(String name, String startsOn, String endsOn, String countyCode) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "startsOn", startsOn, "endsOn", endsOn));
        if (countyCode != null) {
            body.put("countyCode", countyCode);
        }
        return body;
    }

    @SuppressWarnings("unchecked")
    private long draft(MiniApi api, String token, String countyCode) {
        Map<String, Object> form = FilingForms.unitForm(FilingForms.newOriginalId());
        Map<String, Object> account = new HashMap<>(FilingForms.account((String) ((Map<String, Object>) form.get("account")).get("originalId")));
        account.put("openedOn", "2015-03-10");
        form.put("account", account);
        if (countyCode != null) {
            form.put("countyCode", countyCode);
        }
        var created = api.post("/api/mini/filings", token, form);
        assertThat(created.status()).isEqualTo(201);
        return created.id();
    }

    private LocalDate dueOn(long filingId) {
        return jdbc.queryForObject("SELECT due_on FROM filing WHERE id = ?", LocalDate.class, filingId);
    }

    private int campaignCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM filing_campaign", Integer.class);
    }

    private String profileRow(String code) {
        return jdbc.queryForObject("SELECT CONCAT_WS('|', name, address, COALESCE(email, ''), instructions) FROM office_profile "
                + "WHERE region_code = ?", String.class, code)
                + jdbc.queryForList("SELECT CONCAT_WS('|', name, COALESCE(phone, ''), COALESCE(email, '')) FROM office_contact "
                + "WHERE region_code = ? ORDER BY sort_order, id", String.class, code);
    }

    private void forgetMinquanOffice() {
        jdbc.update("DELETE FROM office_contact WHERE region_code = ?", MINQUAN);
        jdbc.update("DELETE FROM office_profile WHERE region_code = ?", MINQUAN);
    }

    private static long id(ConsoleClient.Answer answer) {
        return ((Number) answer.get("id")).longValue();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> ids(ConsoleClient.Answer list) {
        assertThat(list.status()).isEqualTo(200);
        return campaignIds(list.get("items"));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> campaignIds(Object campaigns) {
        return ((List<Map<String, Object>>) campaigns).stream().map(c -> (Object) ((Number) c.get("id")).longValue()).toList();
    }
}
