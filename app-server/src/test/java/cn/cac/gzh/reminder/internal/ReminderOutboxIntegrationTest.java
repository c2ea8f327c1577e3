package cn.cac.gzh.reminder.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.github.tomakehurst.wiremock.client.WireMock;
import cn.cac.devservices.WechatSimulator;
import cn.cac.gzh.FilingPlatformApplication;
import cn.cac.testsupport.Burst;
import cn.cac.testsupport.ExternalSettings;
import cn.cac.testsupport.IntegrationTest;
import cn.cac.testsupport.SettableClock;
import cn.cac.testsupport.WechatSimulatorClient;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.test.util.AopTestUtils;

/**
 * Exactly once where it is hardest: the outbox replaying a decision whose notice already went out,
 * a listener failing after the decision committed, a restart replaying what was outstanding, and two
 * instances scanning and dispatching the same day at the same moment.
 */
@IntegrationTest
@Import(ReminderOutboxIntegrationTest.OutboxClock.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReminderOutboxIntegrationTest {

    private static final String LISTENER = "%StatusChangeNotices%";

    /** A context of its own: its clock moves independently of {@link ReminderIntegrationTest}'s. */
    @TestConfiguration(proxyBeanMethods = false)
    static class OutboxClock {
        @Bean
        @Primary
        SettableClock settableClock() {
            return new SettableClock(Instant.parse("2027-08-30T02:00:00Z"));
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
    @Autowired
    IncompleteEventPublications incomplete;
    @Autowired
    Environment environment;
    @Value("${wechat.api-base-url}")
    String wechatBaseUrl;

    private String eventOf(ReminderFixture.Filing filing, String to) {
        return "%\"filingId\":" + filing.filingId() + ",%\"to\":\"" + to + "\"%";
    }

    private void awaitListenersDone() {
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE LISTENER_ID LIKE ? AND COMPLETION_DATE IS NULL", Integer.class,
                LISTENER) == 0);
    }

    @Test
    @Order(1)
    void anApprovalIsNotifiedOnceAndAReplayOfItsEventChangesNothing() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        ReminderFixture fixture = new ReminderFixture(port, jdbc);
        clock.setBeijing(LocalDateTime.of(2027, 9, 1, 10, 0));
        ReminderFixture.Filing filing = fixture.draft("outbox-f-" + run, "通过通知" + run, LocalDate.of(2027, 8, 20));
        var accepted = fixture.api().post("/api/mini/subscriptions", fixture.token(filing),
                Map.of("results", Map.of(WechatSimulator.REVIEW_RESULT_SUBSCRIBE_TEMPLATE_ID, "accept")));
        assertThat(accepted.status()).isEqualTo(201);
        fixture.submit(filing);
        fixture.approve(filing);
        await().atMost(Duration.ofSeconds(20)).until(() -> fixture.notices(filing).equals(List.of("APPROVED SENT")));
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(subscribeStatus(filing)));
        String number = jdbc.queryForObject("SELECT filing_number FROM filing WHERE id = ?", String.class, filing.filingId());
        assertThat(jdbc.queryForObject("SELECT title FROM inbox_item WHERE operator_id = ? AND source_type = 'REVIEW_RESULT'",
                String.class, filing.operatorId())).isEqualTo("备案审核通过：通过通知" + run);
        long itemId = jdbc.queryForObject("SELECT id FROM inbox_item WHERE operator_id = ? AND source_type = 'REVIEW_RESULT'",
                Long.class, filing.operatorId());
        var item = fixture.api().get("/api/mini/inbox/" + itemId, fixture.token(filing));
        assertThat((String) item.get("bodyHtml")).contains("备案编号：" + number);
        assertThat(subscribeSends(filing)).isEqualTo(1);

        // the completion of the listener was lost (a crash right after it sent): the outbox replays the event
        assertThat(jdbc.update("UPDATE EVENT_PUBLICATION SET COMPLETION_DATE = NULL, STATUS = 'FAILED' "
                + "WHERE LISTENER_ID LIKE ? AND SERIALIZED_EVENT LIKE ?", LISTENER, eventOf(filing, "APPROVED"))).isEqualTo(1);
        incomplete.resubmitIncompletePublications(publication -> true);
        awaitListenersDone();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> subscribeSends(filing) == 1);
        assertThat(fixture.notices(filing)).containsExactly("APPROVED SENT");
        assertThat(fixture.inboxItems(filing, "REVIEW_RESULT")).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM delivery WHERE source_type = 'REVIEW_RESULT' AND operator_id = ?",
                Integer.class, filing.operatorId())).isEqualTo(1);
    }

    @Test
    @Order(2)
    void aRejectionWhoseListenerFailedIsNotifiedOnceWhenTheOutboxTriesAgain() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        ReminderFixture fixture = new ReminderFixture(port, jdbc);
        clock.setBeijing(LocalDateTime.of(2027, 9, 2, 10, 0));
        ReminderFixture.Filing filing = fixture.draft("outbox-g-" + run, "退回通知" + run, LocalDate.of(2027, 8, 20));
        fixture.submit(filing);
        awaitListenersDone();
        jdbc.execute("RENAME TABLE filing_notice TO filing_notice_away");
        try {
            fixture.reject(filing, "营业执照已过期");
            await().atMost(Duration.ofSeconds(20)).until(() -> "FAILED".equals(jdbc.queryForObject(
                    "SELECT MAX(STATUS) FROM EVENT_PUBLICATION WHERE LISTENER_ID LIKE ? AND SERIALIZED_EVENT LIKE ?", String.class,
                    LISTENER, eventOf(filing, "REJECTED"))));
        } finally {
            jdbc.execute("RENAME TABLE filing_notice_away TO filing_notice");
        }
        // the decision stands; its notice is missing so far
        assertThat(jdbc.queryForObject("SELECT status FROM filing WHERE id = ?", String.class, filing.filingId())).isEqualTo("REJECTED");
        assertThat(fixture.notices(filing)).isEmpty();

        incomplete.resubmitIncompletePublications(publication -> true);
        awaitListenersDone();
        incomplete.resubmitIncompletePublications(publication -> true);
        awaitListenersDone();
        assertThat(fixture.notices(filing)).containsExactly("REJECTED SENT");
        assertThat(fixture.inboxItems(filing, "REVIEW_RESULT")).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT body FROM filing_notice WHERE filing_id = ?", String.class, filing.filingId()))
                .contains("营业执照已过期");
    }

    @Test
    @Order(3)
    void aSecondInstanceReplaysWhatWasOutstandingAtItsStartAndBothScanAndDispatchTheSameDayOnce() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        ReminderFixture fixture = new ReminderFixture(port, jdbc);
        LocalDate opened = LocalDate.of(2027, 10, 1);
        clock.setBeijing(LocalDateTime.of(opened, LocalTime.of(10, 0)));
        List<ReminderFixture.Filing> filings = List.of(
                fixture.draft("twin-1-" + run, "双实例一" + run, opened), fixture.draft("twin-2-" + run, "双实例二" + run, opened),
                fixture.draft("twin-3-" + run, "双实例三" + run, opened), fixture.draft("twin-4-" + run, "双实例四" + run, opened));
        ReminderFixture.Filing crashed = fixture.draft("twin-x-" + run, "重启补发" + run, opened);
        fixture.submit(crashed);
        fixture.approve(crashed);
        awaitListenersDone();
        // as if the instance had died between the approval and its notice: the outbox row is outstanding
        jdbc.update("DELETE FROM filing_notice WHERE filing_id = ?", crashed.filingId());
        jdbc.update("DELETE FROM inbox_item WHERE operator_id = ? AND source_type = 'REVIEW_RESULT'", crashed.operatorId());
        assertThat(jdbc.update("UPDATE EVENT_PUBLICATION SET COMPLETION_DATE = NULL, STATUS = 'PUBLISHED' "
                + "WHERE LISTENER_ID LIKE ? AND SERIALIZED_EVENT LIKE ?", LISTENER, eventOf(crashed, "APPROVED"))).isEqualTo(1);

        try (ConfigurableApplicationContext second = startSecondInstance()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> fixture.notices(crashed).equals(List.of("APPROVED SENT")));
            assertThat(fixture.inboxItems(crashed, "REVIEW_RESULT")).isEqualTo(1);

            // day 7 after opening, both instances at once, twice each, the scan's lock bypassed
            clock.setBeijing(LocalDateTime.of(opened.plusDays(7), LocalTime.of(10, 0)));
            ReminderScan here = AopTestUtils.getUltimateTargetObject(scan);
            ReminderScan there = AopTestUtils.getUltimateTargetObject(second.getBean(ReminderScan.class));
            NoticeDispatch dispatchHere = AopTestUtils.getUltimateTargetObject(dispatch);
            NoticeDispatch dispatchThere = AopTestUtils.getUltimateTargetObject(second.getBean(NoticeDispatch.class));
            Burst.values(Burst.of(4, i -> i % 2 == 0 ? here.scan() : there.scan()));
            Burst.values(Burst.of(4, i -> i % 2 == 0 ? dispatchHere.dispatch() : dispatchThere.dispatch()));
            // and through their locks, as their timers would
            Burst.values(Burst.of(2, i -> i == 0 ? scan.scan() : second.getBean(ReminderScan.class).scan()));
            Burst.values(Burst.of(2, i -> i == 0 ? dispatch.dispatch() : second.getBean(NoticeDispatch.class).dispatch()));
            for (ReminderFixture.Filing filing : filings) {
                assertThat(fixture.notices(filing)).as(filing.accountName()).containsExactly("OPENING_WINDOW 7 SENT");
                assertThat(fixture.inboxItems(filing, "REMINDER")).isEqualTo(1);
            }
        }
    }

    private ConfigurableApplicationContext startSecondInstance() throws Exception {
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        try {
            SpringApplication application = new SpringApplication(FilingPlatformApplication.class);
            // the same moved clock as this test's instance
            application.addInitializers(context -> ((GenericApplicationContext) context).registerBean("settableClock",
                    SettableClock.class, () -> clock, definition -> definition.setPrimary(true)));
            return CompletableFuture.supplyAsync(() -> application.run(ExternalSettings.asArguments(environment))).get();
        } finally {
            System.clearProperty("org.springframework.boot.logging.LoggingSystem");
        }
    }

    private String subscribeStatus(ReminderFixture.Filing filing) {
        return jdbc.query("SELECT status FROM delivery WHERE source_type = 'REVIEW_RESULT' AND channel = 'SUBSCRIBE' AND operator_id = ?",
                rs -> rs.next() ? rs.getString(1) : null, filing.operatorId());
    }

    private int subscribeSends(ReminderFixture.Filing filing) {
        WireMock simulator = WechatSimulatorClient.connect(wechatBaseUrl);
        return simulator.find(postRequestedFor(urlPathEqualTo("/cgi-bin/message/subscribe/send"))
                .withRequestBody(matchingJsonPath("$.touser", WireMock.equalTo("sim-openid-" + filing.code())))
                .withRequestBody(matchingJsonPath("$.template_id", WireMock.equalTo(WechatSimulator.REVIEW_RESULT_SUBSCRIBE_TEMPLATE_ID))))
                .size();
    }
}
