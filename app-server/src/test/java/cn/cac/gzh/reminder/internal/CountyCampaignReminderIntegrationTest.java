package cn.cac.gzh.reminder.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Map;
import java.util.UUID;

import cn.cac.testsupport.ConsoleClient;
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
}
