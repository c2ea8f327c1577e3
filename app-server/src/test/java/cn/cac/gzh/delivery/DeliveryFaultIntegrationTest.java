package cn.cac.gzh.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import cn.cac.devservices.WechatSimulator;
import cn.cac.testsupport.ConsoleClient;
import cn.cac.testsupport.IntegrationTest;
import cn.cac.testsupport.PortalCallbacks;
import cn.cac.testsupport.MiniApi;
import cn.cac.testsupport.WechatSimulatorClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every class of WeChat answer, injected at the simulator per recipient, and what the pipeline makes
 * of it: transient errors retried (template messages with the same client_msg_id), permanent ones
 * failed with their code, an ambiguous subscribe message never resent, the daily quota pausing the
 * channel until midnight in Beijing.
 */
@IntegrationTest
class DeliveryFaultIntegrationTest {

    private static final String TEMPLATE_SEND = "/cgi-bin/message/template/send";
    private static final String SUBSCRIBE_SEND = "/cgi-bin/message/subscribe/send";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StringRedisTemplate redis;
    @Value("${wechat.api-base-url}")
    String wechatBaseUrl;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<StubMapping> stubs = new ArrayList<>();
    private WireMock simulator;

    @AfterEach
    void removeFaults() {
        stubs.forEach(simulator::removeStubMapping);
        redis.delete(List.of("delivery:paused:TEMPLATE", "delivery:paused:SUBSCRIBE"));
    }

    @Test
    void everyAnswerClassEndsWhereItShould() throws Exception {
        simulator = WechatSimulatorClient.connect(wechatBaseUrl);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String okT = PortalCallbacks.newFollower(port, "ok-" + run), busy = PortalCallbacks.newFollower(port, "busy-" + run), frequent = PortalCallbacks.newFollower(port, "freq-" + run),
                server = PortalCallbacks.newFollower(port, "5xx-" + run), reset = PortalCallbacks.newFollower(port, "reset-" + run), token = PortalCallbacks.newFollower(port, "token-" + run),
                unfollowed = PortalCallbacks.newFollower(port, "43004-" + run), tooLong = PortalCallbacks.newFollower(port, "47003-" + run);
        onceThenOk(TEMPLATE_SEND, busy, error(-1, "system error"));
        onceThenOk(TEMPLATE_SEND, frequent, error(45011, "api minute-quota reach limit"));
        onceThenOk(TEMPLATE_SEND, server, aResponse().withStatus(503));
        onceThenOk(TEMPLATE_SEND, reset, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        onceThenOk(TEMPLATE_SEND, token, error(40001, "invalid credential, access_token is invalid or not latest"));
        always(TEMPLATE_SEND, unfollowed, error(43004, "require subscribe"));
        always(TEMPLATE_SEND, tooLong, error(47003, "argument invalid! data.thing1.value invalid"));

        MiniApi api = MiniApi.on(port);
        MiniApi.Session okS = optedIn(api, "sub-ok-" + run), lost = optedIn(api, "sub-reset-" + run),
                refused = optedIn(api, "sub-43101-" + run);
        always(SUBSCRIBE_SEND, "sim-openid-sub-reset-" + run, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        always(SUBSCRIBE_SEND, "sim-openid-sub-43101-" + run, error(43101, "user refuse to accept the msg"));

        ConsoleClient admin = publisher();
        long followersPush = publish(admin, Map.of("kind", "FOLLOWERS"), List.of("TEMPLATE"));
        long operatorsPush = publish(admin, Map.of("kind", "LISTED", "operatorIds",
                List.of(okS.operatorId(), lost.operatorId(), refused.operatorId())), List.of("SUBSCRIBE"));
        await().atMost(Duration.ofSeconds(60)).until(() -> sent(admin, followersPush) && sent(admin, operatorsPush));

        assertThat(row(followersPush, okT)).containsEntry("status", "SENT").containsEntry("attempts", 1);
        for (String retried : List.of(busy, frequent, server, reset)) {
            assertThat(row(followersPush, retried)).as(retried).containsEntry("status", "SENT").containsEntry("attempts", 2);
        }
        // WxJava renews the token and repeats the call itself on 40001: one attempt of ours
        assertThat(row(followersPush, token)).containsEntry("status", "SENT");
        assertThat(row(followersPush, unfollowed)).containsEntry("status", "FAILED").containsEntry("error_code", "43004");
        assertThat(row(followersPush, tooLong)).containsEntry("status", "FAILED").containsEntry("error_code", "47003");
        // the template message whose answer was lost went out twice with the same client_msg_id: WeChat keeps one
        List<String> clientIds = simulator.find(postRequestedFor(urlPathEqualTo(TEMPLATE_SEND))
                        .withRequestBody(matchingJsonPath("$.touser", equalTo(reset)))).stream()
                .map(request -> request.getBodyAsString().replaceAll(".*\"client_msg_id\":\"(\\d+)\".*", "$1")).toList();
        assertThat(clientIds).hasSize(2).containsOnly(String.valueOf(row(followersPush, reset).get("id")));

        assertThat(row(operatorsPush, "sim-openid-sub-ok-" + run)).containsEntry("status", "SENT");
        assertThat(row(operatorsPush, "sim-openid-sub-reset-" + run)).containsEntry("status", "UNKNOWN")
                .containsEntry("attempts", 1);
        assertThat(simulator.find(postRequestedFor(urlPathEqualTo(SUBSCRIBE_SEND))
                .withRequestBody(matchingJsonPath("$.touser", equalTo("sim-openid-sub-reset-" + run))))).as("never resent").hasSize(1);
        assertThat(row(operatorsPush, "sim-openid-sub-43101-" + run)).containsEntry("status", "FAILED")
                .containsEntry("error_code", "43101").containsEntry("error_message", "43101 user refused the subscription");

        var failures = admin.get("/api/console/pushes/" + followersPush).get("failures").toString();
        assertThat(failures).contains("errorCode=43004").contains("errorCode=47003");

        // WeChat's report on a template message makes it final
        String msgId = (String) row(followersPush, okT).get("wechat_msg_id");
        assertThat(msgId).isNotBlank();
        report(msgId, "success");
        await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(row(followersPush, okT).get("status")));
    }

    @Test
    void theDailyQuotaPausesTheChannelUntilMidnightInBeijingWithoutFailingAnything() throws Exception {
        simulator = WechatSimulatorClient.connect(wechatBaseUrl);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String quota = PortalCallbacks.newFollower(port, "quota-" + run);
        always(TEMPLATE_SEND, quota, error(45009, "reach max api daily quota limit"));
        ConsoleClient admin = publisher();
        long push = publish(admin, Map.of("kind", "FOLLOWERS"), List.of("TEMPLATE"));

        await().atMost(Duration.ofSeconds(30)).until(() -> Boolean.TRUE.equals(redis.hasKey("delivery:paused:TEMPLATE")));
        await().atMost(Duration.ofSeconds(10)).until(() -> "QUEUED".equals(row(push, quota).get("status")));
        Map<String, Object> row = row(push, quota);
        assertThat(row).containsEntry("attempts", 0).containsEntry("error_code", "45009");
        LocalDateTime midnight = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).toLocalDate().plusDays(1)
                .atStartOfDay(ZoneId.of("Asia/Shanghai")).withZoneSameInstant(ZoneId.of("UTC")).toLocalDateTime();
        Object next = row.get("next_attempt_at");
        LocalDateTime nextAttempt = next instanceof java.sql.Timestamp t ? t.toLocalDateTime() : (LocalDateTime) next;
        assertThat(nextAttempt).isEqualTo(midnight);
        assertThat(redis.getExpire("delivery:paused:TEMPLATE")).isPositive();
        assertThat(admin.post("/api/console/pushes/" + push + "/cancel", Map.of()).get("status")).isEqualTo("CANCELLED");
        assertThat(row(push, quota)).containsEntry("status", "CANCELLED");
    }

    // --- set-up helpers -------------------------------------------------------------------------

    private void report(String msgId, String status) throws Exception {
        String ts = String.valueOf(Instant.now().getEpochSecond());
        String[] parts = Stream.of(WechatSimulator.MP_TOKEN, ts, "r").sorted().toArray(String[]::new);
        String signature = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(String.join("", parts).getBytes()));
        String xml = "<xml><ToUserName><![CDATA[gh_office]]></ToUserName><FromUserName><![CDATA[x]]></FromUserName>"
                + "<CreateTime>" + ts + "</CreateTime><MsgType><![CDATA[event]]></MsgType>"
                + "<Event><![CDATA[TEMPLATESENDJOBFINISH]]></Event><MsgID>" + msgId + "</MsgID><Status><![CDATA[" + status
                + "]]></Status></xml>";
        http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/wechat/portal/" + WechatSimulator.MP_APP_ID
                        + "?signature=" + signature + "&timestamp=" + ts + "&nonce=r"))
                .header("Content-Type", "text/xml").POST(HttpRequest.BodyPublishers.ofString(xml)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static MiniApi.Session optedIn(MiniApi api, String code) {
        MiniApi.Session session = api.login(code);
        assertThat(api.post("/api/mini/subscriptions", session.accessToken(),
                Map.of("results", Map.of(WechatSimulator.POLICY_SUBSCRIBE_TEMPLATE_ID, "accept"))).status()).isEqualTo(201);
        return session;
    }

    private ConsoleClient publisher() {
        ConsoleClient admin = new ConsoleClient(port);
        assertThat(admin.login("admin", IntegrationTest.ADMIN_PASSWORD).status()).isEqualTo(200);
        return admin;
    }

    private static long publish(ConsoleClient admin, Map<String, Object> audience, List<String> channels) {
        var created = admin.post("/api/console/pushes", Map.of("title", "故障注入", "summary", "测试各类微信应答",
                "bodyHtml", "<p>x</p>", "audience", audience, "channels", channels));
        assertThat(created.status()).isEqualTo(201);
        long id = ((Number) created.get("id")).longValue();
        assertThat(admin.post("/api/console/pushes/" + id + "/publish", Map.of("version", created.get("version"))).status())
                .isEqualTo(200);
        return id;
    }

    private static boolean sent(ConsoleClient admin, long push) {
        return "SENT".equals(admin.get("/api/console/pushes/" + push).get("status"));
    }

    private Map<String, Object> row(long push, String recipient) {
        return jdbc.queryForMap("""
                SELECT id, status, attempts, error_code, error_message, wechat_msg_id, next_attempt_at FROM delivery
                WHERE source_type = 'POLICY' AND source_id = ? AND recipient = ?""", push, recipient);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder error(int code, String message) {
        return aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"errcode\":" + code + ",\"errmsg\":\"" + message + " rid: sim\"}");
    }

    private void onceThenOk(String path, String openid, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder first) {
        String scenario = "fault-" + openid;
        stubs.add(simulator.register(post(urlPathEqualTo(path)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.touser", equalTo(openid)))
                .inScenario(scenario).whenScenarioStateIs(STARTED).willSetStateTo("answered").willReturn(first)));
        stubs.add(simulator.register(post(urlPathEqualTo(path)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.touser", equalTo(openid)))
                .inScenario(scenario).whenScenarioStateIs("answered")
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":" + Math.abs(openid.hashCode()) + "}"))));
    }

    private void always(String path, String openid, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        stubs.add(simulator.register(post(urlPathEqualTo(path)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.touser", equalTo(openid))).willReturn(answer)));
    }
}
