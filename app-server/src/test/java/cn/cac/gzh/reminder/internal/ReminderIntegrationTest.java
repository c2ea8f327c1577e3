package cn.cac.gzh.reminder.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.cac.testsupport.Burst;
import cn.cac.testsupport.ConsoleClient;
import cn.cac.testsupport.IntegrationTest;
import cn.cac.testsupport.SettableClock;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.util.AopTestUtils;

/**
 * Reminders on a clock the test moves: each step on its day and only then, once, never in quiet
 * hours, never for a filing handed in or approved, the overdue notice and the staff's digest.
 * The tests run in the order of their dates (the clock only moves forward).
 */
@IntegrationTest
@Import(ReminderIntegrationTest.TestClock.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReminderIntegrationTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {
        @Bean
        @Primary
        SettableClock settableClock() {
            return new SettableClock(Instant.parse("2027-01-04T02:00:00Z"));
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

    private void at(LocalDate day, LocalTime time) {
        clock.setBeijing(LocalDateTime.of(day, time));
    }

    private void scanAndDispatch() {
        assertThat(scan.scan()).isNotNull();
        assertThat(dispatch.dispatch()).isNotNull();
    }

    @Test
    @Order(1)
    void campaignDeadlineRemindersComeOnceOnTheirDaysWaitForTheMorningAndStopWhenTheFilingIsHandedIn() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        ReminderFixture fixture = new ReminderFixture(port, jdbc);
        at(LocalDate.of(2027, 3, 10), LocalTime.of(10, 0));
        ConsoleClient admin = fixture.admin();
        // 睢县's own (the drafts' county): a city-wide one would also set the deadline of other tests' 民权县 drafts
        assertThat(admin.post("/api/console/admin/campaigns", Map.of("name", "2027年集中登记备案" + run, "startsOn", "2027-03-01",
                "endsOn", "2027-05-31", "countyCode", "411422")).status()).isEqualTo(201);
        ReminderFixture.Filing a = fixture.draft("rem-a-" + run, "提醒甲" + run, LocalDate.of(2027, 3, 5));
        ReminderFixture.Filing b = fixture.draft("rem-b-" + run, "提醒乙" + run, LocalDate.of(2027, 3, 5));
        ReminderFixture.Filing c = fixture.draft("rem-c-" + run, "提醒丙" + run, LocalDate.of(2027, 3, 5));
        assertThat(fixture.dueOn(a)).isEqualTo(LocalDate.of(2027, 5, 31));
        fixture.submit(c);
        fixture.approve(c);
        await().atMost(Duration.ofSeconds(20)).until(() -> fixture.notices(c).contains("APPROVED SENT"));

        // T-4: nothing yet
        at(LocalDate.of(2027, 5, 27), LocalTime.of(10, 0));
        scanAndDispatch();
        assertThat(fixture.notices(a)).isEmpty();

        // T-3: the first step, however many scans run and overlap (ShedLock bypassed: the unique key decides)
        at(LocalDate.of(2027, 5, 28), LocalTime.of(10, 0));
        ReminderScan unlocked = AopTestUtils.getUltimateTargetObject(scan);
        assertThat(Burst.values(Burst.of(8, i -> unlocked.scan()))).hasSize(8);
        scanAndDispatch();
        scanAndDispatch();
        assertThat(fixture.notices(a)).containsExactly("CAMPAIGN_DEADLINE 3 SENT");
        assertThat(fixture.notices(b)).containsExactly("CAMPAIGN_DEADLINE 3 SENT");
        assertThat(fixture.notices(c)).as("approved: no reminder").containsExactly("APPROVED SENT");
        assertThat(fixture.inboxItems(a, "REMINDER")).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT title FROM inbox_item WHERE operator_id = ? AND source_type = 'REMINDER'",
                String.class, a.operatorId())).isEqualTo("备案截止提醒：还剩3天");
        assertThat(jdbc.queryForObject("SELECT summary FROM inbox_item WHERE operator_id = ? AND source_type = 'REMINDER'",
                String.class, a.operatorId())).contains("提醒甲" + run).contains("2027年5月31日");

        // T-1 at 06:00, quiet hours: written, not sent until 08:00
        at(LocalDate.of(2027, 5, 30), LocalTime.of(6, 0));
        scanAndDispatch();
        assertThat(fixture.notices(a)).containsExactly("CAMPAIGN_DEADLINE 3 SENT", "CAMPAIGN_DEADLINE 1 PENDING");
        assertThat(fixture.inboxItems(a, "REMINDER")).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT send_at FROM filing_notice WHERE filing_id = ? AND step = 1", LocalDateTime.class,
                a.filingId())).isEqualTo(LocalDateTime.of(2027, 5, 30, 0, 0));

        // B hands the filing in before the morning: its pending reminder is cancelled
        at(LocalDate.of(2027, 5, 30), LocalTime.of(6, 30));
        fixture.submit(b);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> fixture.notices(b).equals(List.of("CAMPAIGN_DEADLINE 3 SENT", "CAMPAIGN_DEADLINE 1 CANCELLED")));

        at(LocalDate.of(2027, 5, 30), LocalTime.of(7, 59));
        scanAndDispatch();
        assertThat(fixture.inboxItems(a, "REMINDER")).isEqualTo(1);
        at(LocalDate.of(2027, 5, 30), LocalTime.of(8, 0, 30));
        scanAndDispatch();
        scanAndDispatch();
        assertThat(fixture.notices(a)).containsExactly("CAMPAIGN_DEADLINE 3 SENT", "CAMPAIGN_DEADLINE 1 SENT");
        assertThat(fixture.inboxItems(a, "REMINDER")).isEqualTo(2);
        assertThat(fixture.inboxItems(b, "REMINDER")).isEqualTo(1);
        assertThat(fixture.inboxItems(c, "REMINDER")).isZero();

        // the day after the deadline: the overdue notice quoting notice §4.3, and the staff's digest
        jdbc.update("UPDATE staff_user SET oa_openid = ? WHERE username = 'admin'", "sim-mp-openid-digest-" + run);
        // digests other tests left unread (the test database is shared)
        int unreadBefore = ((Number) admin.get("/api/console/notifications").get("unread")).intValue();
        at(LocalDate.of(2027, 6, 1), LocalTime.of(10, 0));
        scanAndDispatch();
        scanAndDispatch();
        assertThat(fixture.notices(a)).containsExactly("CAMPAIGN_DEADLINE 3 SENT", "CAMPAIGN_DEADLINE 1 SENT", "OVERDUE 1 SENT");
        assertThat(fixture.notices(b)).containsExactly("CAMPAIGN_DEADLINE 3 SENT", "CAMPAIGN_DEADLINE 1 CANCELLED");
        assertThat(jdbc.queryForObject("SELECT body FROM filing_notice WHERE filing_id = ? AND rule_code = 'OVERDUE'",
                String.class, a.filingId())).contains("暂停关闭和永久关闭").contains("2027年5月31日");
        Map<String, Object> digest = jdbc.queryForMap("SELECT * FROM staff_digest WHERE region_code = '411400' AND digest_on = '2027-06-01'");
        assertThat(digest.get("STATUS") != null ? digest.get("STATUS") : digest.get("status")).isEqualTo("SENT");
        assertThat(((Number) valueOf(digest, "overdue_count")).intValue()).isEqualTo(1);
        assertThat((String) valueOf(digest, "body")).contains("提醒甲" + run).doesNotContain("提醒乙");
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM delivery WHERE source_type = 'DIGEST' AND channel = 'TEMPLATE' AND recipient = ?""",
                Integer.class, "sim-mp-openid-digest-" + run)).isEqualTo(1);

        // the console notification, read once
        admin = fixture.admin();
        var notifications = admin.get("/api/console/notifications");
        assertThat(((Number) notifications.get("unread")).intValue()).isEqualTo(unreadBefore + 1);
        @SuppressWarnings("unchecked")
        var items = (List<Map<String, Object>>) notifications.get("items");
        long digestId = ((Number) valueOf(digest, "id")).longValue();
        assertThat(items).filteredOn(item -> ((Number) item.get("id")).longValue() == digestId).singleElement()
                .satisfies(item -> assertThat(item.get("title")).isEqualTo("新增逾期公众号1个"));
        assertThat(admin.post("/api/console/notifications/" + digestId + "/read", Map.of()).status()).isEqualTo(204);
        assertThat(admin.post("/api/console/notifications/" + digestId + "/read", Map.of()).status()).isEqualTo(204);
        assertThat(((Number) admin.get("/api/console/notifications").get("unread")).intValue()).isEqualTo(unreadBefore);
        var missing = admin.post("/api/console/notifications/999999999/read", Map.of());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.code()).isEqualTo("NOTIFICATION_NOT_FOUND");
        jdbc.update("UPDATE staff_user SET oa_openid = NULL WHERE username = 'admin'");
    }

    private static Object valueOf(Map<String, Object> row, String column) {
        return row.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(column)).findFirst().orElseThrow().getValue();
    }

    @Test
    @Order(2)
    void dayByDayEveryStepOfTheOpeningWindowTheRejectedFilingAndTheOverdueNoticeComesOnItsDay() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        ReminderFixture fixture = new ReminderFixture(port, jdbc);
        LocalDate opened = LocalDate.of(2027, 7, 1);
        at(opened, LocalTime.of(10, 0));
        ReminderFixture.Filing drafted = fixture.draft("rem-d-" + run, "开通提醒" + run, opened);
        ReminderFixture.Filing rejected = fixture.draft("rem-e-" + run, "退回提醒" + run, opened);
        assertThat(fixture.dueOn(drafted)).isEqualTo(LocalDate.of(2027, 7, 31));
        fixture.submit(rejected);

        List<String> expectedDrafted = List.of("2027-07-08 OPENING_WINDOW 7", "2027-07-22 OPENING_WINDOW 20",
                "2027-07-28 OPENING_WINDOW 27", "2027-08-01 OVERDUE 1");
        for (LocalDate day = opened; !day.isAfter(LocalDate.of(2027, 8, 4)); day = day.plusDays(1)) {
            at(day, LocalTime.of(10, 0));
            if (day.equals(LocalDate.of(2027, 7, 2))) {
                fixture.reject(rejected, "身份证复印件不清晰");
                await().atMost(Duration.ofSeconds(20)).until(() -> fixture.notices(rejected).contains("REJECTED SENT"));
            }
            if (day.equals(LocalDate.of(2027, 7, 21))) {
                continue; // the service was down that day: the step is sent one day late
            }
            scanAndDispatch();
        }
        assertThat(fixture.sentDays(drafted)).containsExactlyElementsOf(expectedDrafted);
        assertThat(fixture.sentDays(rejected)).containsExactly("2027-07-02 REJECTED", "2027-07-05 REJECTED_IDLE 3",
                "2027-07-08 OPENING_WINDOW 7", "2027-07-09 REJECTED_IDLE 7", "2027-07-22 OPENING_WINDOW 20",
                "2027-07-28 OPENING_WINDOW 27", "2027-08-01 OVERDUE 1");
        assertThat(jdbc.queryForObject("SELECT body FROM filing_notice WHERE filing_id = ? AND rule_code = 'REJECTED_IDLE' AND step = 3",
                String.class, rejected.filingId())).contains("2027年7月2日").contains("身份证复印件不清晰");
        assertThat(jdbc.queryForObject("SELECT body FROM filing_notice WHERE filing_id = ? AND rule_code = 'OPENING_WINDOW' AND step = 20",
                String.class, drafted.filingId())).contains("已开通21天").contains("2027年7月31日");
        assertThat(fixture.inboxItems(drafted, "REMINDER")).isEqualTo(4);
        assertThat(fixture.inboxItems(rejected, "REMINDER")).isEqualTo(6);
        assertThat(fixture.inboxItems(rejected, "REVIEW_RESULT")).isEqualTo(1);

        // what the operator sees in the mini-program, and nobody else
        String token = fixture.token(drafted);
        var history = fixture.api().get("/api/mini/filings/" + drafted.filingId() + "/notices", token);
        assertThat(history.status()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        var notices = (List<Map<String, Object>>) history.get("items");
        assertThat(notices).hasSize(4);
        assertThat(notices.get(0)).containsEntry("rule", "OVERDUE").containsEntry("ruleLabel", "逾期通知")
                .containsEntry("statusLabel", "已发出");
        assertThat((String) notices.get(0).get("sentAt")).startsWith("2027-08-01T10:00").endsWith("+08:00");
        var foreign = fixture.api().get("/api/mini/filings/" + rejected.filingId() + "/notices", token);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.code()).isEqualTo("FILING_NOT_FOUND");
    }
}
