package cn.cac.gzh;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import cn.cac.testsupport.ConsoleClient;
import cn.cac.testsupport.IntegrationTest;
import cn.cac.testsupport.PortalCallbacks;
import cn.cac.testsupport.MiniApi;
import cn.cac.testsupport.WechatSimulatorClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * With {@code MANAGEMENT_METRICS_ACCESS=read-only}, {@code /actuator/prometheus} shows the platform's own meters
 * (docs/monitoring.md) moving by exactly what happened, and every metric the Grafana dashboard in deploy/ queries.
 */
@IntegrationTest
@TestPropertySource(properties = "MANAGEMENT_METRICS_ACCESS=read-only")
class ObservabilityIntegrationTest {

    private static final String TEMPLATE_SEND = "/cgi-bin/message/template/send";
    private static final Path DASHBOARD = Path.of("..", "deploy", "grafana", "filing-platform-dashboard.json");
    /** A metric selector as the dashboard writes them: a name directly followed by its label matchers. */
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(([a-zA-Z_:][a-zA-Z0-9_:]*),");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Value("${wechat.api-base-url}")
    String wechatBaseUrl;

    private final HttpClient http = HttpClient.newHttpClient();
    private WireMock simulator;
    private StubMapping refusal;

    @AfterEach
    void removeFault() {
        if (refusal != null) {
            simulator.removeStubMapping(refusal);
        }
    }

    @Test
    void callbacksWechatErrorsAndDeliveriesMoveTheirMetersByExactlyWhatHappened() throws Exception {
        Map<String, Double> before = scrape();
        String run = UUID.randomUUID().toString().substring(0, 8);

        // two callbacks taken (a follow event each), one refused (bad signature)
        String kept = follower("ok-" + run, true);
        String unfollowed = follower("43004-" + run, true);
        follower("forged-" + run, false);
        // a login whose code WeChat refuses (the simulator answers 40029 to codes starting with "bad")
        assertThat(MiniApi.on(port).post("/api/mini/auth/login", null, Map.of("code", "bad-" + run)).status()).isBetween(400, 499);

        Map<String, Double> after = scrape();
        assertThat(moved(before, after, "gzh_portal_callbacks_seconds_count{outcome=\"refused\"}")).isEqualTo(1);
        assertThat(moved(before, after, "gzh_portal_callbacks_seconds_count{outcome=\"reply\"}")
                + moved(before, after, "gzh_portal_callbacks_seconds_count{outcome=\"empty\"}")).isEqualTo(2);
        assertThat(after).containsKey("gzh_portal_callbacks_seconds_bucket{outcome=\"reply\",le=\"+Inf\"}");
        assertThat(moved(before, after, "gzh_wechat_errors_total{api=\"jscode2session\",errcode=\"40029\"}")).isEqualTo(1);
        assertThat(moved(before, after, "gzh_wechat_errors_total{api=\"jscode2session\",errcode=\"other\"}")).isZero();

        // a template push to the followers: one sent, one refused by WeChat for good (43004)
        simulator = WechatSimulatorClient.connect(wechatBaseUrl);
        refusal = simulator.register(post(urlPathEqualTo(TEMPLATE_SEND)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.touser", equalTo(unfollowed)))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"errcode\":43004,\"errmsg\":\"require subscribe rid: sim\"}")));
        double sent = everywhere("gzh.delivery.outcomes", "channel", "template", "outcome", "sent");
        double failed = everywhere("gzh.delivery.outcomes", "channel", "template", "outcome", "failed");
        double refusedByWechat = everywhere("gzh.wechat.errors", "api", "template_send", "errcode", "43004");
        long push = publishToFollowers();
        await().atMost(Duration.ofSeconds(60)).until(() -> finished(push, kept) && finished(push, unfollowed));

        // any test context's worker may have sent them (they share the database): count over every registry of this JVM;
        // in a full run other contexts' workers also finish earlier tests' deliveries meanwhile, hence "at least"
        long followers = jdbc.queryForObject("SELECT COUNT(*) FROM delivery WHERE source_type = 'POLICY' AND source_id = ? AND status = 'SENT'",
                Long.class, push);
        assertThat(everywhere("gzh.delivery.outcomes", "channel", "template", "outcome", "sent") - sent).isGreaterThanOrEqualTo(followers);
        assertThat(everywhere("gzh.delivery.outcomes", "channel", "template", "outcome", "failed") - failed).isGreaterThanOrEqualTo(1);
        assertThat(everywhere("gzh.wechat.errors", "api", "template_send", "errcode", "43004") - refusedByWechat)
                .isGreaterThanOrEqualTo(1);
        assertThat(scrape()).containsKeys("gzh_delivery_outcomes_total{channel=\"template\",outcome=\"failed\"}",
                "gzh_delivery_queue_due{channel=\"subscribe\"}", "gzh_delivery_queue_oldest_age_seconds");
    }

    @Test
    void anExportIsCountedWithItsDuration() throws Exception {
        ConsoleClient admin = admin();
        Map<String, Double> before = scrape();
        var started = admin.post("/api/console/admin/exports", Map.of("kind", "REGISTRY"));
        assertThat(started.status()).isBetween(200, 202);
        String id = (String) started.get("id");
        // the export runs on this context's own executor
        await().atMost(Duration.ofSeconds(30)).until(() -> "DONE".equals(admin.get("/api/console/admin/exports/" + id).get("status")));
        await().atMost(Duration.ofSeconds(5)).until(() -> moved(before, scrape(), "gzh_export_jobs_seconds_count{outcome=\"done\"}") == 1);
        Map<String, Double> after = scrape();
        assertThat(moved(before, after, "gzh_export_jobs_seconds_count{outcome=\"failed\"}")).isZero();
        assertThat(moved(before, after, "gzh_export_jobs_seconds_sum{outcome=\"done\"}")).isPositive();
    }

    @Test
    void everyMetricTheDashboardQueriesIsExposed() throws Exception {
        // one MVC request first: http.server.requests appears with its first request
        assertThat(get("/api/regions/dictionary").statusCode()).isEqualTo(200);
        Set<String> exposed = new HashSet<>();
        scrape().keySet().forEach(series -> exposed.add(series.replaceAll("\\{.*", "")));

        JsonNode dashboard = JsonMapper.builder().build().readTree(Files.readString(DASHBOARD));
        Set<String> queried = new HashSet<>();
        int expressions = 0;
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asString();
                Matcher selector = SELECTOR.matcher(expr);
                int found = 0;
                while (selector.find()) {
                    queried.add(selector.group(1));
                    found++;
                }
                assertThat(found).as("every query names its metrics with {…}: %s", expr).isPositive();
                expressions++;
            }
        }
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            Matcher labelValues = LABEL_VALUES.matcher(variable.path("definition").asString());
            while (labelValues.find()) {
                queried.add(labelValues.group(1));
            }
        }
        assertThat(expressions).isGreaterThanOrEqualTo(20);
        assertThat(queried).contains("gzh_delivery_outcomes_total", "gzh_wechat_errors_total", "gzh_portal_callbacks_seconds_bucket",
                "gzh_reminder_runs_seconds_count", "gzh_export_jobs_seconds_count", "http_server_requests_seconds_bucket",
                "jvm_memory_used_bytes", "hikaricp_connections_active");
        assertThat(exposed).containsAll(queried);
    }

    /** Series → value of the Prometheus text ({@code name{labels}} exactly as written), comments left out. */
    private Map<String, Double> scrape() throws Exception {
        HttpResponse<String> answer = get("/actuator/prometheus");
        assertThat(answer.statusCode()).isEqualTo(200);
        Map<String, Double> series = new HashMap<>();
        for (String line : answer.body().split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            series.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
        return series;
    }

    private static double moved(Map<String, Double> before, Map<String, Double> after, String series) {
        assertThat(after).as(series).containsKey(series);
        return after.get(series) - before.getOrDefault(series, 0.0);
    }

    /** A counter summed over every test context's registry (Boot binds each one to the global registry). */
    private static double everywhere(String name, String... tags) {
        return Metrics.globalRegistry.getRegistries().stream()
                .mapToDouble(registry -> registry.find(name).tags(tags).counters().stream().mapToDouble(Counter::count).sum())
                .sum();
    }

    private String follower(String name, boolean signed) {
        String openid = "sim-mp-openid-" + name;
        assertThat(PortalCallbacks.post(port, PortalCallbacks.subscribeXml(openid), signed).statusCode()).isEqualTo(signed ? 200 : 403);
        return openid;
    }

    private ConsoleClient admin() {
        ConsoleClient admin = new ConsoleClient(port);
        assertThat(admin.login("admin", IntegrationTest.ADMIN_PASSWORD).status()).isEqualTo(200);
        return admin;
    }

    private long publishToFollowers() {
        ConsoleClient admin = admin();
        var created = admin.post("/api/console/pushes", Map.of("title", "监控计数", "summary", "送达与失败各一",
                "bodyHtml", "<p>x</p>", "audience", Map.of("kind", "FOLLOWERS"), "channels", List.of("TEMPLATE")));
        assertThat(created.status()).isEqualTo(201);
        long id = ((Number) created.get("id")).longValue();
        assertThat(admin.post("/api/console/pushes/" + id + "/publish", Map.of("version", created.get("version"))).status())
                .isEqualTo(200);
        return id;
    }

    private boolean finished(long push, String recipient) {
        List<String> status = jdbc.queryForList("SELECT status FROM delivery WHERE source_type = 'POLICY' AND source_id = ? AND recipient = ?",
                String.class, push, recipient);
        return !status.isEmpty() && List.of("SENT", "FAILED").contains(status.get(0));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
