package cn.cac.gzh.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import cn.cac.devservices.DevServices;
import cn.cac.devservices.DevServicesInitializer;
import cn.cac.testsupport.ConsoleClient;
import cn.cac.testsupport.FilingForms;
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
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Redis and the database go down under a running service and come back on the same port (the same
 * data, for the database): what keeps working, what answers 503 with a Chinese message and a stable
 * code, and that the service recovers by itself, without a restart, losing and repeating nothing.
 * <p>
 * The twins are this context's own processes ({@link DevServicesInitializer#PRIVATE_TWINS}), whatever
 * the environment names: the machine's shared MariaDB and Redis are never touched.
 */
@IntegrationTest
@TestPropertySource(properties = {DevServicesInitializer.PRIVATE_TWINS + "=true", "wechat.read-timeout=2s"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ServiceOutageIntegrationTest {

    private static final String TEMPLATE_SEND = "/cgi-bin/message/template/send";
    /** The WeChat client's read time-out in this context ({@code wechat.read-timeout}, 10 s in production). */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(2);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DevServices devServices;
    @Autowired
    DataSource dataSource;
    @Autowired
    StringRedisTemplate redis;
    @Value("${wechat.api-base-url}")
    String wechatBaseUrl;


    @AfterEach
    void servicesBack() {
        for (String name : List.of("Redis", "MariaDB")) {
            if (!devServices.isRunning(name)) {
                devServices.start(name);
            }
        }
    }

    @Test
    void redisDownPublicReadsWorkLoginAnswers503AndDeliveriesWaitThenGoOutOnce() throws Exception {
        MiniApi api = MiniApi.on(port);
        WireMock simulator = WechatSimulatorClient.connect(wechatBaseUrl);
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> followers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            followers.add(PortalCallbacks.newFollower(port, "redis-" + i + "-" + run));
        }
        ConsoleClient admin = new ConsoleClient(port);
        assertThat(admin.login("admin", IntegrationTest.ADMIN_PASSWORD).status()).isEqualTo(200);
        MiniApi.Session operator = api.loginWithConsent("redis-op-" + run);
        long filingId = api.post("/api/mini/filings", operator.accessToken(),
                FilingForms.unitForm(FilingForms.newOriginalId())).id();

        // a push is queued while the channel is held (the hold is a Redis key, so it goes with Redis:
        // the channel opens again when Redis comes back empty), then Redis stops
        redis.opsForValue().set("delivery:paused:TEMPLATE", "held by the test", Duration.ofMinutes(5));
        long push = publish(admin);
        await().atMost(Duration.ofSeconds(20)).until(() -> deliveries(push, followers, "QUEUED") == followers.size());
        devServices.stop("Redis");

        // what does not need Redis keeps working: public reads, and the mini-program's own reads and
        // writes (its bearer tokens are rows in the database, not Redis entries)
        assertThat(api.get("/api/regions/dictionary", null).status()).isEqualTo(200);
        assertThat(api.get("/api/mini/privacy-notice", null).status()).isEqualTo(200);
        assertThat(api.get("/api/mini/filings/" + filingId, operator.accessToken()).status()).isEqualTo(200);
        assertThat(api.get("/api/mini/filings", operator.accessToken()).status()).isEqualTo(200);

        // signing in needs Redis (WxJava's lock, the console's session): 503, a stable code, Chinese, quickly
        long started = System.nanoTime();
        var login = api.post("/api/mini/auth/login", null, Map.of("code", "redis-down-" + run));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(login.status()).isEqualTo(503);
        assertThat(login.code()).isEqualTo("SESSION_STORE_UNAVAILABLE");
        assertThat((String) login.get("message")).isEqualTo("登录服务暂时不可用，请稍后再试");
        assertThat(took).isLessThan(Duration.ofSeconds(15));
        var console = admin.get("/api/console/pushes/" + push);
        assertThat(console.status()).isEqualTo(503);
        assertThat(console.code()).isEqualTo("SESSION_STORE_UNAVAILABLE");

        // the pipeline cannot see the channel holds: it sends nothing and loses nothing
        Thread.sleep(1500);
        assertThat(deliveries(push, followers, "QUEUED")).isEqualTo(followers.size());
        for (String follower : followers) {
            assertThat(sends(simulator, follower)).as(follower).isZero();
        }

        devServices.start("Redis");
        await().atMost(Duration.ofSeconds(30)).until(() -> deliveries(push, followers, "SENT") == followers.size());
        for (String follower : followers) {
            assertThat(sends(simulator, follower)).as("exactly one message to " + follower).isEqualTo(1);
        }
        for (String follower : followers) {
            assertThat(jdbc.queryForObject("SELECT attempts FROM delivery WHERE source_type = 'POLICY' AND source_id = ? AND recipient = ?",
                    Integer.class, push, follower)).isEqualTo(1);
        }
        assertThat(api.post("/api/mini/auth/login", null, Map.of("code", "redis-back-" + run)).status()).isEqualTo(200);
        // console sessions lived in the Redis that restarted empty: signing in again works
        assertThat(admin.get("/api/console/pushes/" + push).status()).isEqualTo(401);
        assertThat(new ConsoleClient(port).login("admin", IntegrationTest.ADMIN_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void databaseRestartedRequestsAnswer503ThenThePoolRecoversWithoutRestartingTheService() throws Exception {
        MiniApi api = MiniApi.on(port);
        String token = api.loginWithConsent("db-restart-" + UUID.randomUUID()).accessToken();
        long filingId = api.post("/api/mini/filings", token, FilingForms.unitForm(FilingForms.newOriginalId())).id();
        HikariDataSource pool = (HikariDataSource) dataSource;

        devServices.stop("MariaDB");
        for (var answer : List.of(
                api.get("/api/mini/filings/" + filingId, token),
                api.get("/api/regions/dictionary", null),
                api.post("/api/mini/filings", token, FilingForms.unitForm(FilingForms.newOriginalId())))) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
            assertThat(answer.code()).isEqualTo("DATABASE_BUSY");
            assertThat((String) answer.get("message")).isEqualTo("当前办理人数较多，请稍后再试");
        }

        devServices.start("MariaDB");
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/mini/filings/" + filingId, token).status() == 200);
        assertThat(api.post("/api/mini/filings", token, FilingForms.unitForm(FilingForms.newOriginalId())).status()).isEqualTo(201);
        assertThat(api.get("/api/regions/dictionary", null).status()).isEqualTo(200);
        assertThat(dataSource).isSameAs(pool);
        assertThat(pool.isRunning()).isTrue();
    }

    @Test
    void wechatTimingOutThenFailingIsRetriedByThePipelineNotTheRequestAndEachFollowerGetsOneMessage() throws Exception {
        WireMock simulator = WechatSimulatorClient.connect(wechatBaseUrl);
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> followers = new ArrayList<>();
        List<StubMapping> stubs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String openid = PortalCallbacks.newFollower(port, "slow-" + i + "-" + run);
            followers.add(openid);
            // first an answer that comes after the client's read time-out, then a 500, then WeChat is back
            stubs.add(answer(simulator, openid, STARTED, "timed out", aResponse().withStatus(503).withFixedDelay(3_000)));
            stubs.add(answer(simulator, openid, "timed out", "failed", aResponse().withStatus(500)));
            stubs.add(answer(simulator, openid, "failed", "failed", aResponse().withHeader("Content-Type", "application/json")
                    .withBody("{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":" + (1000 + i) + "}")));
        }
        try {
            ConsoleClient admin = new ConsoleClient(port);
            assertThat(admin.login("admin", IntegrationTest.ADMIN_PASSWORD).status()).isEqualTo(200);
            long push = publish(admin);
            long answeredAt = System.currentTimeMillis();

            await().atMost(Duration.ofSeconds(60)).until(() -> deliveries(push, followers, "SENT") == followers.size());
            for (String openid : followers) {
                var requests = simulator.find(postRequestedFor(urlPathEqualTo(TEMPLATE_SEND))
                        .withRequestBody(matchingJsonPath("$.touser", equalTo(openid)))).stream()
                        .sorted(java.util.Comparator.comparing(LoggedRequest::getLoggedDate)).toList();
                assertThat(requests).as(openid).hasSize(3);
                // the request that started the push had its answer before WeChat's first answer was due
                // (a request thread sending, even once, would have waited for the read time-out)
                long firstSent = requests.get(0).getLoggedDate().getTime();
                assertThat(answeredAt).as("publish answered at; first send at %s", firstSent)
                        .isLessThan(firstSent + READ_TIMEOUT.toMillis());
                Map<String, Object> row = jdbc.queryForMap("""
                        SELECT id, attempts FROM delivery WHERE source_type = 'POLICY' AND source_id = ? AND recipient = ?""",
                        push, openid);
                assertThat(row).containsEntry("attempts", 3);
                // one message: every attempt carries the delivery's client_msg_id, so WeChat keeps one
                assertThat(requests).extracting(r -> r.getBodyAsString().replaceAll(".*\"client_msg_id\":\"(\\d+)\".*", "$1"))
                        .containsOnly(String.valueOf(row.get("id")));
                // and retried later, with back-off, on the pipeline's threads: the first wait spans the read time-out
                long first = firstSent, second = requests.get(1).getLoggedDate().getTime(),
                        third = requests.get(2).getLoggedDate().getTime();
                assertThat(second - first).isGreaterThanOrEqualTo(READ_TIMEOUT.toMillis());
                assertThat(third - second).isGreaterThanOrEqualTo(200);
            }
        } finally {
            stubs.forEach(simulator::removeStubMapping);
        }
    }

    private static StubMapping answer(WireMock simulator, String openid, String state, String next,
            com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
        return simulator.register(post(urlPathEqualTo(TEMPLATE_SEND)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.touser", equalTo(openid)))
                .inScenario("slow-" + openid).whenScenarioStateIs(state).willSetStateTo(next).willReturn(response));
    }

    private long publish(ConsoleClient admin) {
        var created = admin.post("/api/console/pushes", Map.of("title", "故障注入", "summary", "Redis 停止",
                "bodyHtml", "<p>x</p>", "audience", Map.of("kind", "FOLLOWERS"), "channels", List.of("TEMPLATE")));
        assertThat(created.status()).isEqualTo(201);
        long id = ((Number) created.get("id")).longValue();
        assertThat(admin.post("/api/console/pushes/" + id + "/publish", Map.of("version", created.get("version"))).status())
                .isEqualTo(200);
        return id;
    }

    private int deliveries(long push, List<String> recipients, String status) {
        return recipients.stream().mapToInt(recipient -> jdbc.queryForObject("""
                SELECT COUNT(*) FROM delivery WHERE source_type = 'POLICY' AND source_id = ? AND recipient = ? AND status = ?""",
                Integer.class, push, recipient, status)).sum();
    }

    private static int sends(WireMock simulator, String openid) {
        return simulator.find(postRequestedFor(urlPathEqualTo(TEMPLATE_SEND))
                .withRequestBody(matchingJsonPath("$.touser", equalTo(openid)))).size();
    }

}
