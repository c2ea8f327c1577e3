package cn.cac.gzh.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import cn.cac.testsupport.ConsoleClient;
import cn.cac.testsupport.FollowerPushes;
import cn.cac.testsupport.ExternalInstance;
import cn.cac.testsupport.IntegrationTest;
import cn.cac.testsupport.WechatSimulatorClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two instances share one push's deliveries; then one of them is killed with SIGKILL in the middle of
 * a push. Counted at the WeChat simulator by client_msg_id, as WeChat counts: every recipient gets
 * exactly one message, none is lost.
 */
@IntegrationTest
class DeliveryTwoInstancesIntegrationTest {

    private static final String TEMPLATE_SEND = "/cgi-bin/message/template/send";
    private static final int RECIPIENTS = 600;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Environment environment;
    @Value("${wechat.api-base-url}")
    String wechatBaseUrl;

    @Test
    void twoInstancesShareThePushAndAKilledOneLosesNothingAndDuplicatesNothing() throws Exception {
        WireMock simulator = WechatSimulatorClient.connect(wechatBaseUrl);
        // a WeChat that takes 200 ms per message, so a push is still under way when an instance dies
        StubMapping slow = simulator.register(post(urlPathEqualTo(TEMPLATE_SEND)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.touser", matching("sim-mp-openid-two-.*")))
                .willReturn(aResponse().withFixedDelay(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":{{randomInt lower=100000000 upper=999999999}} }")
                        .withTransformers("response-template")));
        ExternalInstance second = null;
        try {
            // the same application in a JVM of its own, against this test's database, Redis, bucket and simulator
            second = ExternalInstance.start(environment, "second-instance", "--delivery.lease=3s", "--delivery.idle-poll=50ms",
                    "--delivery.retry-delay=200ms", "--push.expansion-interval=200ms");
            ConsoleClient admin = new ConsoleClient(port);
            admin.login("admin", IntegrationTest.ADMIN_PASSWORD);

            // 1. both instances send, nothing twice
            String shared = "two-" + UUID.randomUUID().toString().substring(0, 6) + "-";
            FollowerPushes.seed(jdbc, shared, RECIPIENTS);
            long first = FollowerPushes.publish(admin, "双实例", "共同发送");
            long secondPid = second.pid();
            Set<String> owners = watchOwners(first, secondPid, Duration.ofSeconds(60), false);
            await().atMost(Duration.ofSeconds(60)).until(() -> "SENT".equals(admin.get("/api/console/pushes/" + first).get("status")));
            assertThat(owners).as("claims by both instances").anyMatch(o -> o.startsWith(secondPid + "@"))
                    .anyMatch(o -> !o.startsWith(secondPid + "@"));
            Map<String, List<String>> sent = clientIdsByRecipient(simulator, shared);
            assertThat(sent).hasSize(RECIPIENTS);
            // counted as WeChat counts, by client_msg_id: a row whose lease ran out on a starved machine may be
            // sent again by the other instance, always with its own id, which WeChat drops
            assertThat(sent.values()).allSatisfy(ids -> assertThat(new HashSet<>(ids)).hasSize(1));
            assertThat(sent.values().stream().map(ids -> ids.get(0)).distinct().count()).isEqualTo(RECIPIENTS);
            assertThat(delivered(first, shared)).isEqualTo(RECIPIENTS);

            // 2. the second instance is killed while it holds claimed rows: they come back to the first
            String crashed = "two-" + UUID.randomUUID().toString().substring(0, 6) + "-";
            FollowerPushes.seed(jdbc, crashed, RECIPIENTS);
            long push = FollowerPushes.publish(admin, "双实例", "共同发送");
            ExternalInstance victim = second;
            watchOwners(push, victim.pid(), Duration.ofSeconds(60), true);
            victim.kill();
            await().atMost(Duration.ofSeconds(90)).until(() -> "SENT".equals(admin.get("/api/console/pushes/" + push).get("status")));
            Map<String, List<String>> afterCrash = clientIdsByRecipient(simulator, crashed);
            assertThat(afterCrash).as("no recipient lost").hasSize(RECIPIENTS);
            // a message the dead instance may have sent is repeated with the same client_msg_id, which WeChat drops
            assertThat(afterCrash.values()).allSatisfy(ids -> assertThat(new HashSet<>(ids)).hasSize(1));
            assertThat(afterCrash.values().stream().map(ids -> ids.get(0)).distinct().count()).isEqualTo(RECIPIENTS);
            assertThat(delivered(push, crashed)).isEqualTo(RECIPIENTS);
        } finally {
            simulator.removeStubMapping(slow);
            if (second != null) {
                second.close();
            }
        }
    }

    /** Watches who holds claims; with {@code untilSecondHolds}, returns as soon as the second instance holds some. */
    private Set<String> watchOwners(long push, long secondPid, Duration atMost, boolean untilSecondHolds) throws InterruptedException {
        Set<String> owners = new HashSet<>();
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            owners.addAll(jdbc.queryForList("""
                    SELECT DISTINCT lease_owner FROM delivery WHERE source_type = 'POLICY' AND source_id = ? AND status = 'SENDING'
                      AND lease_owner IS NOT NULL""", String.class, push));
            boolean secondHolds = owners.stream().anyMatch(o -> o.startsWith(secondPid + "@"));
            if (untilSecondHolds ? secondHolds : jdbc.queryForObject("""
                    SELECT COUNT(*) FROM delivery WHERE source_type = 'POLICY' AND source_id = ? AND status IN ('QUEUED', 'SENDING')""",
                    Integer.class, push) == 0 && owners.size() > 0 && isExpanded(push)) {
                return owners;
            }
            Thread.sleep(20);
        }
        return owners;
    }

    private boolean isExpanded(long push) {
        return jdbc.queryForObject("SELECT expanded_at IS NOT NULL FROM push_message WHERE id = ?", Boolean.class, push);
    }

    private int delivered(long push, String prefix) {
        return jdbc.queryForObject("""
                SELECT COUNT(*) FROM delivery WHERE source_type = 'POLICY' AND source_id = ? AND recipient LIKE ? AND status = 'SENT'""",
                Integer.class, push, "sim-mp-openid-" + prefix + "%");
    }

    /** What the simulator received for these recipients: client_msg_ids by recipient. */
    private static Map<String, List<String>> clientIdsByRecipient(WireMock simulator, String prefix) {
        List<LoggedRequest> requests = simulator.find(postRequestedFor(urlPathEqualTo(TEMPLATE_SEND))
                .withRequestBody(matchingJsonPath("$.touser", matching("sim-mp-openid-" + prefix + ".*"))));
        return requests.stream().map(LoggedRequest::getBodyAsString).collect(Collectors.groupingBy(
                body -> body.replaceAll(".*\"touser\":\"([^\"]+)\".*", "$1"),
                Collectors.mapping(body -> body.replaceAll(".*\"client_msg_id\":\"(\\d+)\".*", "$1"), Collectors.toList())));
    }
}
