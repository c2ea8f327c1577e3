package cn.cac.gzh.reminder.internal;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * Reminder rules per county (issue 17): 民权县's own OPENING_WINDOW rule reminds its filings on its own day with its own
 * words while a 睢县 filing opened the same day follows the city's rule; a county office changes only its own rules;
 * dropping the override brings the county back to the city's.
 */
@IntegrationTest
@Import(CountyReminderRulesIntegrationTest.TestClock.class)
class CountyReminderRulesIntegrationTest {

    private static final String BASE = "/api/console/admin/reminder-rules";
    private static final String MINQUAN = SecondCounty.CODE;

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {
        @Bean
        @Primary
        SettableClock settableClock() {
            return new SettableClock(Instant.parse("2030-04-01T02:00:00Z"));
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
    void aCountysOwnRuleRemindsItsFilingsAndTheOthersFollowTheCitysUntilItIsDropped() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        SecondCounty.ensure(jdbc);
        ReminderFixture fixture = new ReminderFixture(port, jdbc);
        ConsoleClient city = fixture.admin();
        try {
            Map<String, Object> inherited = rule(city, MINQUAN, "OPENING_WINDOW");
            assertThat(inherited).containsEntry("inherited", true).containsEntry("version", 0)
                    .containsEntry("regionCode", "411400").containsEntry("offsets", List.of(7, 20, 27));
            var saved = city.put(BASE + "/OPENING_WINDOW?county=" + MINQUAN, Map.of("enabled", true, "offsets", List.of(5),
                    "title", "民权县新开通公众号备案提醒", "body", "民权县提醒：“{公众号}”已开通{已开通天数}天，请尽快备案。", "version", 0));
            assertThat(saved.status()).as(saved.raw().body()).isEqualTo(200);
            assertThat(saved.body()).containsEntry("inherited", false).containsEntry("version", 1)
                    .containsEntry("regionCode", MINQUAN);
            assertThat(rule(city, null, "OPENING_WINDOW").get("offsets")).as("the city's own stays").isEqualTo(List.of(7, 20, 27));
            assertThat(rule(city, "411422", "OPENING_WINDOW")).as("睢县 follows the city").containsEntry("inherited", true);
            assertThat(jdbc.queryForObject("SELECT detail FROM audit_log WHERE action = 'REMINDER_RULE_UPDATE' ORDER BY id DESC LIMIT 1",
                    String.class)).contains("county=" + MINQUAN);
            // the city's change of 民权县's rule is 民权县's entry: its own office sees it
            assertThat(jdbc.queryForObject("SELECT CONCAT(target_id, '|', county_code) FROM audit_log "
                    + "WHERE action = 'REMINDER_RULE_UPDATE' ORDER BY id DESC LIMIT 1", String.class))
                    .isEqualTo(MINQUAN + "/OPENING_WINDOW|" + MINQUAN);

            ReminderFixture.Filing minquan = fixture.draft("crr-m-" + run, "民权规则" + run, LocalDate.of(2030, 4, 1), MINQUAN);
            ReminderFixture.Filing suixian = fixture.draft("crr-s-" + run, "睢县规则" + run, LocalDate.of(2030, 4, 1));
            assertThat(fixture.dueOn(minquan)).isEqualTo(LocalDate.of(2030, 5, 1));
            assertThat(fixture.dueOn(suixian)).isEqualTo(LocalDate.of(2030, 5, 1));

            // day 5: 民权县's own step, in its own words; 睢县's rule (the city's) has no such step
            scanOn(LocalDate.of(2030, 4, 6));
            assertThat(fixture.notices(minquan)).containsExactly("OPENING_WINDOW 5 SENT");
            assertThat(fixture.notices(suixian)).isEmpty();
            assertThat(jdbc.queryForObject("SELECT CONCAT(title, '|', body) FROM filing_notice WHERE filing_id = ?", String.class,
                    minquan.filingId())).isEqualTo("民权县新开通公众号备案提醒|民权县提醒：“民权规则" + run + "”已开通5天，请尽快备案。");

            // day 7: the city's step for 睢县, in the city's words; none for 民权县
            scanOn(LocalDate.of(2030, 4, 8));
            assertThat(fixture.notices(suixian)).containsExactly("OPENING_WINDOW 7 SENT");
            assertThat(jdbc.queryForObject("SELECT title FROM filing_notice WHERE filing_id = ?", String.class, suixian.filingId()))
                    .isEqualTo("新开通公众号备案提醒");
            assertThat(fixture.notices(minquan)).containsExactly("OPENING_WINDOW 5 SENT");

            // dropped: 民权县 follows the city's rule again (its day-20 step)
            int resets = count("SELECT COUNT(*) FROM audit_log WHERE action = 'REMINDER_RULE_RESET'");
            assertThat(city.send("DELETE", BASE + "/OPENING_WINDOW?county=" + MINQUAN).status()).isEqualTo(204);
            assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'REMINDER_RULE_RESET'")).isEqualTo(resets + 1);
            assertThat(jdbc.queryForObject("SELECT county_code FROM audit_log WHERE action = 'REMINDER_RULE_RESET' "
                    + "ORDER BY id DESC LIMIT 1", String.class)).isEqualTo(MINQUAN);
            assertThat(rule(city, MINQUAN, "OPENING_WINDOW")).containsEntry("inherited", true).containsEntry("offsets", List.of(7, 20, 27));
            assertThat(city.send("DELETE", BASE + "/OPENING_WINDOW?county=" + MINQUAN).status()).as("nothing left to drop").isEqualTo(204);
            assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'REMINDER_RULE_RESET'")).isEqualTo(resets + 1);
            scanOn(LocalDate.of(2030, 4, 21));
            assertThat(fixture.notices(minquan)).containsExactly("OPENING_WINDOW 5 SENT", "OPENING_WINDOW 20 SENT");
            assertThat(fixture.notices(suixian)).containsExactly("OPENING_WINDOW 7 SENT", "OPENING_WINDOW 20 SENT");
        } finally {
            jdbc.update("DELETE FROM reminder_rule WHERE region_code = ?", MINQUAN);
        }
    }

    @Test
    void aCountyOfficeChangesOnlyItsOwnRulesAndARefusedRequestChangesNothing() {
        SecondCounty.ensure(jdbc);
        ConsoleClient city = new ReminderFixture(port, jdbc).admin();
        ConsoleClient county = CountyStaff.signedIn(port, city, MINQUAN, List.of("ADMIN"));
        try {
            Map<String, Object> own = rule(county, null, "REJECTED_IDLE");
            assertThat(own).containsEntry("inherited", true).containsEntry("regionCode", "411400");
            Map<String, Object> change = Map.of("enabled", true, "offsets", List.of(2), "title", "请重新提交",
                    "body", "“{公众号}”的备案被退回了。", "version", 0);
            String before = rows();
            record Refused(String method, String path, Map<String, Object> body, int status, String code) {
            }
            for (Refused refused : List.of(
                    new Refused("PUT", BASE + "/REJECTED_IDLE?county=411422", change, 403, "SCOPE_FORBIDDEN"),
                    new Refused("DELETE", BASE + "/REJECTED_IDLE?county=411422", null, 403, "SCOPE_FORBIDDEN"),
                    new Refused("GET", BASE + "?county=411422", null, 403, "SCOPE_FORBIDDEN"),
                    new Refused("PUT", BASE + "/REJECTED_IDLE?county=411400", change, 403, "SCOPE_FORBIDDEN"),
                    new Refused("GET", BASE + "?county=411400", null, 403, "SCOPE_FORBIDDEN"),
                    new Refused("PUT", BASE + "/REJECTED_IDLE?county=419999", change, 400, "COUNTY_UNKNOWN"),
                    new Refused("PUT", BASE + "/STAFF_DIGEST", Map.of("enabled", false, "offsets", List.of(0), "title", "日报",
                            "body", "{数量}", "version", 0), 400, "RULE_CITYWIDE"),
                    new Refused("PUT", BASE + "/REJECTED_IDLE", Map.of("enabled", true, "offsets", List.of(2), "title", "t",
                            "body", "{罚款}", "version", 0), 400, "UNKNOWN_PLACEHOLDER"),
                    new Refused("PUT", BASE + "/REJECTED_IDLE", Map.of("enabled", true, "offsets", List.of(2), "title", "t",
                            "body", "b", "version", 3), 409, "RULE_CHANGED"))) {
                var answer = refused.body() == null ? county.send(refused.method(), refused.path())
                        : county.put(refused.path(), refused.body());
                assertThat(answer.status()).as(refused.toString()).isEqualTo(refused.status());
                assertThat(answer.code()).as(refused.toString()).isEqualTo(refused.code());
                assertThat(rows()).as(refused.toString()).isEqualTo(before);
            }
            assertThat(city.send("DELETE", BASE + "/REJECTED_IDLE").code()).as("the city's rows stay").isEqualTo("CITY_RULE_KEPT");
            assertThat(rows()).isEqualTo(before);

            // its own county, named or not
            assertThat(county.put(BASE + "/REJECTED_IDLE", change).status()).isEqualTo(200);
            var stale = county.put(BASE + "/REJECTED_IDLE?county=" + MINQUAN, change);
            assertThat(stale.status()).as("a second save of the inherited version").isEqualTo(409);
            assertThat(rule(county, MINQUAN, "REJECTED_IDLE")).containsEntry("inherited", false).containsEntry("offsets", List.of(2));
            assertThat(rule(city, MINQUAN, "REJECTED_IDLE")).containsEntry("inherited", false);
            assertThat(rule(city, null, "REJECTED_IDLE").get("offsets")).isEqualTo(List.of(3, 7));
            assertThat(county.send("DELETE", BASE + "/REJECTED_IDLE").status()).isEqualTo(204);
            assertThat(rule(county, null, "REJECTED_IDLE")).containsEntry("inherited", true);
            assertThat(rows()).isEqualTo(before);
        } finally {
            jdbc.update("DELETE FROM reminder_rule WHERE region_code = ?", MINQUAN);
        }
    }

    private void scanOn(LocalDate day) {
        clock.setBeijing(LocalDateTime.of(day, LocalTime.of(10, 0)));
        assertThat(scan.scan()).isNotNull();
        assertThat(dispatch.dispatch()).isNotNull();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> rule(ConsoleClient client, String county, String code) {
        var answer = client.get(BASE + (county == null ? "" : "?county=" + county));
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
        return ((List<Map<String, Object>>) answer.get("items")).stream().filter(r -> code.equals(r.get("code"))).findFirst()
                .orElseThrow();
    }

    /** Every office's rows, as stored. */
    private String rows() {
        return String.join("\n", jdbc.queryForList("SELECT CONCAT_WS('|', code, region_code, enabled, offsets, title, body, version) "
                + "FROM reminder_rule ORDER BY code, region_code", String.class));
    }

    private int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }
}
