package cn.cac.gzh.reminder.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.cac.testsupport.ConsoleClient;
import cn.cac.testsupport.CountyStaff;
import cn.cac.testsupport.IntegrationTest;
import cn.cac.testsupport.SecondCounty;
import cn.cac.testsupport.SettableClock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The campaign-deadline reminder per county (issue 17): a county's own campaign reminds that county's filings due on
 * its end, not another county's filing whose deadline (by the days-after-opening rule) falls on the same day.
 */
@IntegrationTest
@Import(CountyCampaignReminderIntegrationTest.TestClock.class)
class CountyCampaignReminderIntegrationTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {
        @Bean
        @Primary
        SettableClock settableClock() {
            return new SettableClock(Instant.parse("2028-01-10T02:00:00Z"));
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SettableClock clock;
    @Autowired
    ReminderScan scan;
    @Autowired
    NoticeDispatch dispatch;

    @Test
    void aCountysCampaignRemindsItsOwnFilingsOnly() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        SecondCounty.ensure(jdbc);
        ReminderFixture fixture = new ReminderFixture(port, jdbc);
        ConsoleClient admin = fixture.admin();
        var campaign = admin.post("/api/console/admin/campaigns", Map.of("name", "民权县集中登记" + run, "startsOn", "2028-01-01",
                "endsOn", "2028-03-31", "countyCode", SecondCounty.CODE));
        assertThat(campaign.status()).isEqualTo(201);
        long campaignId = ((Number) campaign.get("id")).longValue();
        try {
            ReminderFixture.Filing minquan = fixture.draft("cc-m-" + run, "民权提醒" + run, LocalDate.of(2028, 1, 5),
                    SecondCounty.CODE);
            assertThat(fixture.dueOn(minquan)).as("opened during its county's campaign").isEqualTo(LocalDate.of(2028, 3, 31));
            clock.setBeijing(LocalDateTime.of(LocalDate.of(2028, 3, 10), LocalTime.of(10, 0)));
            ReminderFixture.Filing suixian = fixture.draft("cc-s-" + run, "睢县提醒" + run, LocalDate.of(2028, 3, 1));
            assertThat(fixture.dueOn(suixian)).as("30 days after opening, on 民权县's campaign end")
                    .isEqualTo(LocalDate.of(2028, 3, 31));

            clock.setBeijing(LocalDateTime.of(LocalDate.of(2028, 3, 28), LocalTime.of(10, 0)));
            assertThat(scan.scan()).isNotNull();
            assertThat(dispatch.dispatch()).isNotNull();

            assertThat(fixture.notices(minquan)).contains("CAMPAIGN_DEADLINE 3 SENT");
            assertThat(fixture.notices(suixian)).noneMatch(notice -> notice.startsWith("CAMPAIGN_DEADLINE"));
        } finally {
            admin.send("DELETE", "/api/console/admin/campaigns/" + campaignId);
        }
    }

    /**
     * The staff digest per office: the city's counts the whole city, each county's its own filings only; a county's
     * reviewers get their county's digest on WeChat and in the console, never another region's.
     */
    @Test
    @SuppressWarnings("unchecked")
    void eachOfficeGetsTheDigestOfItsOwnFilings() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        SecondCounty.ensure(jdbc);
        clock.setBeijing(LocalDateTime.of(LocalDate.of(2029, 6, 1), LocalTime.of(10, 0)));
        ReminderFixture fixture = new ReminderFixture(port, jdbc);
        ConsoleClient city = fixture.admin();
        ReminderFixture.Filing minquan = fixture.draft("dg-m-" + run, "民权逾期" + run, LocalDate.of(2029, 6, 1), SecondCounty.CODE);
        ReminderFixture.Filing suixian = fixture.draft("dg-s-" + run, "睢县逾期" + run, LocalDate.of(2029, 6, 1));
        LocalDate due = fixture.dueOn(minquan);
        assertThat(fixture.dueOn(suixian)).isEqualTo(due);
        ConsoleClient minquanReviewer = CountyStaff.signedIn(port, city, SecondCounty.CODE, List.of("REVIEWER"));
        long reviewerId = ((Number) minquanReviewer.get("/api/console/auth/me").get("id")).longValue();
        String reviewerOpenid = "sim-mp-openid-dg-m-" + run;
        String cityOpenid = "sim-mp-openid-dg-c-" + run;
        jdbc.update("UPDATE staff_user SET oa_openid = ? WHERE id = ?", reviewerOpenid, reviewerId);
        jdbc.update("UPDATE staff_user SET oa_openid = ? WHERE username = 'admin'", cityOpenid);
        try {
            LocalDate digestDay = due.plusDays(1);
            clock.setBeijing(LocalDateTime.of(digestDay, LocalTime.of(10, 0)));
            scan.scan();
            dispatch.dispatch();
            dispatch.dispatch();

            Map<String, String> bodies = new java.util.HashMap<>();
            jdbc.query("SELECT region_code, body FROM staff_digest WHERE digest_on = ?",
                    (java.sql.ResultSet row) -> {
                        bodies.put(row.getString(1), row.getString(2));
                    }, digestDay);
            assertThat(bodies.get("411400")).as("the city's: both").contains("民权逾期" + run, "睢县逾期" + run);
            assertThat(bodies.get(SecondCounty.CODE)).contains("民权逾期" + run).doesNotContain("睢县逾期" + run);
            assertThat(bodies.get("411422")).contains("睢县逾期" + run).doesNotContain("民权逾期" + run);
            assertThat(jdbc.queryForList("""
                    SELECT d.region_code FROM delivery v JOIN staff_digest d ON d.id = v.source_id
                    WHERE v.source_type = 'DIGEST' AND v.recipient = ?""", String.class, reviewerOpenid))
                    .as("民权县's reviewer: 民权县's digest only").containsExactly(SecondCounty.CODE);
            assertThat(jdbc.queryForList("""
                    SELECT d.region_code FROM delivery v JOIN staff_digest d ON d.id = v.source_id
                    WHERE v.source_type = 'DIGEST' AND v.recipient = ?""", String.class, cityOpenid))
                    .as("the city's administrator: the city's digest").containsExactly("411400");

            // the console: each office its own digests; another region's cannot be marked read
            var seen = (List<Map<String, Object>>) minquanReviewer.get("/api/console/notifications").get("items");
            assertThat(seen).isNotEmpty().allSatisfy(item -> assertThat(jdbc.queryForObject(
                    "SELECT region_code FROM staff_digest WHERE id = ?", String.class, ((Number) item.get("id")).longValue()))
                    .isEqualTo(SecondCounty.CODE));
            long ownDigest = jdbc.queryForObject("SELECT id FROM staff_digest WHERE region_code = ? AND digest_on = ?",
                    Long.class, SecondCounty.CODE, digestDay);
            assertThat(seen).filteredOn(item -> ((Number) item.get("id")).longValue() == ownDigest).singleElement()
                    .satisfies(item -> assertThat((String) item.get("body")).contains("民权逾期" + run).doesNotContain("睢县逾期" + run));
            long cityDigest = jdbc.queryForObject("SELECT id FROM staff_digest WHERE region_code = '411400' AND digest_on = ?",
                    Long.class, digestDay);
            var foreign = minquanReviewer.post("/api/console/notifications/" + cityDigest + "/read", Map.of());
            assertThat(foreign.status()).isEqualTo(404);
            assertThat(foreign.code()).isEqualTo("NOTIFICATION_NOT_FOUND");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM staff_digest_read WHERE digest_id = ?", Integer.class, cityDigest))
                    .isZero();
            var citySeen = (List<Map<String, Object>>) city.get("/api/console/notifications").get("items");
            assertThat(citySeen).extracting(item -> ((Number) item.get("id")).longValue()).contains(cityDigest)
                    .doesNotContain(ownDigest);
        } finally {
            jdbc.update("UPDATE staff_user SET oa_openid = NULL WHERE id = ? OR username = 'admin'", reviewerId);
        }
    }
}
