package cn.cac.gzh.common;

import java.io.ByteArrayInputStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import cn.cac.devservices.WechatSimulator;
import cn.cac.testsupport.Burst;
import cn.cac.testsupport.ConsoleClient;
import cn.cac.testsupport.IntegrationTest;
import cn.cac.testsupport.MiniApi;
import cn.cac.testsupport.SmallLimitsIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Abuse limits (issue 13): 429 RATE_LIMITED with Retry-After after the limit on each limited path while
 * another client goes on, oversized bodies refused with nothing changed, CORS only for the configured
 * origin, security headers, actuator exposure. The context's limits are 3 an hour; each test is its own
 * client ({@code X-Forwarded-For}, honoured here as behind a proxy).
 */
@SmallLimitsIntegrationTest
class AbuseLimitsIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build();

    @Test
    void miniProgramLoginIsLimitedPerClientAddress() throws Exception {
        String client = newAddress();
        for (int i = 0; i < 3; i++) {
            assertThat(post("/api/mini/auth/login", client, Map.of("code", "limit-" + client + "-" + i)).statusCode()).isNotEqualTo(429);
        }
        assertRateLimited(post("/api/mini/auth/login", client, Map.of("code", "limit-" + client + "-x")));
        // another address is not affected
        assertThat(post("/api/mini/auth/login", newAddress(), Map.of("code", "limit-other-" + client)).statusCode()).isEqualTo(200);
    }

    @Test
    void consoleSignInIsLimitedPerAddressAndPerUserName() throws Exception {
        String client = newAddress();
        for (int i = 0; i < 3; i++) {
            assertThat(consoleLogin(client, "nobody-" + i + client, "wrong").statusCode()).isEqualTo(401);
        }
        assertRateLimited(consoleLogin(client, "nobody-x" + client, "wrong"));

        // one user name from ever new addresses
        String name = "target" + ThreadLocalRandom.current().nextInt(1_000_000);
        for (int i = 0; i < 3; i++) {
            assertThat(consoleLogin(newAddress(), name, "wrong").statusCode()).isEqualTo(401);
        }
        assertRateLimited(consoleLogin(newAddress(), name, "wrong"));
        // another name from another address is not affected
        assertThat(consoleLogin(newAddress(), name + "-other", "wrong").statusCode()).isEqualTo(401);
    }

    @Test
    void uploadTicketsAreLimitedPerOperator() {
        MiniApi mini = MiniApi.on(port);
        var first = mini.loginWithConsent("upload-limit-a-" + newAddress());
        var second = mini.loginWithConsent("upload-limit-b-" + newAddress());
        Map<String, Object> ticket = Map.of("materialType", "LICENCE", "fileName", "a.pdf", "contentType", "application/pdf",
                "size", 1000);
        String path = "/api/mini/filings/987654321/materials/uploads";
        for (int i = 0; i < 3; i++) {
            assertThat(mini.post(path, first.accessToken(), ticket).status()).isNotEqualTo(429);
        }
        var limited = mini.post(path, first.accessToken(), ticket);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.code()).isEqualTo("RATE_LIMITED");
        assertThat(limited.get("message")).isEqualTo("请求过于频繁，请稍后再试");
        assertThat(mini.post(path, second.accessToken(), ticket).status()).isNotEqualTo(429);
    }

    @Test
    void theCallbackPortalIsLimitedPerAddressAndAnswers429Plain() throws Exception {
        String client = newAddress();
        String path = "/wechat/portal/" + WechatSimulator.MP_APP_ID + "?signature=x&timestamp=1&nonce=1&echostr=e";
        for (int i = 0; i < 3; i++) {
            assertThat(get(path, client).statusCode()).isEqualTo(403);
        }
        HttpResponse<String> limited = get(path, client);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(get(path, newAddress()).statusCode()).isEqualTo(403);
    }

    /** Simultaneous requests of one client are batched into shared Redis calls: still exactly the limit passes. */
    @Test
    void aBurstFromOneAddressLetsExactlyTheLimitThrough() {
        String client = newAddress();
        String path = "/wechat/portal/" + WechatSimulator.MP_APP_ID + "?signature=x&timestamp=1&nonce=1&echostr=e";

        List<Integer> statuses = Burst.values(Burst.of(30, i -> {
            try {
                return get(path, client).statusCode();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));

        assertThat(statuses).filteredOn(status -> status == 403).hasSize(3);
        assertThat(statuses).filteredOn(status -> status == 429).hasSize(27);
    }

    @Test
    void anOversizedJsonBodyIsRefused413AndChangesNothing() throws Exception {
        ConsoleClient admin = new ConsoleClient(port);
        assertThat(admin.login("admin", IntegrationTest.ADMIN_PASSWORD).status()).isEqualTo(200);
        Integer before = jdbc.queryForObject("SELECT COUNT(*) FROM region_place_name", Integer.class);
        String big = "{\"name\":\"" + "大".repeat(3000) + "\",\"township\":\"x\"}";

        var refused = admin.sendRaw("POST", "/api/console/admin/place-names", big);

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.code()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(refused.get("message")).isEqualTo("请求内容过大");
        // a body without a length (chunked) is cut off at the limit as well
        HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(uri("/api/mini/auth/login"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", newAddress())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(
                        ("{\"code\":\"" + "x".repeat(8000) + "\"}").getBytes()))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.body()).contains("PAYLOAD_TOO_LARGE");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM region_place_name", Integer.class)).isEqualTo(before);
    }

    @Test
    void corsPreflightsAreAnsweredOnlyForTheConfiguredOrigin() throws Exception {
        HttpResponse<String> unknown = preflight("https://evil.example.com");
        assertThat(unknown.statusCode()).isEqualTo(403);
        assertThat(unknown.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

        HttpResponse<String> known = preflight(SmallLimitsIntegrationTest.ALLOWED_ORIGIN);
        assertThat(known.statusCode()).isEqualTo(200);
        assertThat(known.headers().firstValue("Access-Control-Allow-Origin")).contains(SmallLimitsIntegrationTest.ALLOWED_ORIGIN);
    }

    @Test
    void actuatorShowsHealthButNotMetricsAndTheConsoleSendsItsSecurityHeaders() throws Exception {
        assertThat(get("/actuator/health", newAddress()).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/metrics", newAddress()).statusCode()).isIn(401, 403, 404);
        assertThat(get("/actuator/metrics/jvm.memory.used", newAddress()).statusCode()).isIn(401, 403, 404);
        // the Prometheus scrape follows the same switch (ObservabilityIntegrationTest turns it on)
        assertThat(get("/actuator/prometheus", newAddress()).statusCode()).isIn(401, 403, 404);

        HttpResponse<String> page = get("/console/", newAddress());
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).contains("default-src 'self'"));
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("same-origin");
        assertThat(page.headers().firstValue("Permissions-Policy")).hasValueSatisfying(v -> assertThat(v).contains("camera=()"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
    }

    private HttpResponse<String> preflight(String origin) throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/api/mini/auth/login")).header("Origin", origin)
                .header("Access-Control-Request-Method", "POST").header("Access-Control-Request-Headers", "content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> consoleLogin(String client, String username, String password) throws Exception {
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient own = HttpClient.newBuilder().cookieHandler(cookies).build();
        own.send(HttpRequest.newBuilder(uri("/api/console/auth/csrf")).header("X-Forwarded-For", client).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        // the SPA sends the XSRF-TOKEN cookie's value back as X-XSRF-TOKEN
        String token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .findFirst().orElseThrow().getValue();
        return own.send(HttpRequest.newBuilder(uri("/api/console/auth/login")).header("X-Forwarded-For", client)
                .header("Content-Type", "application/json").header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("username", username, "password", password))))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String client, Object body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("X-Forwarded-For", client).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String client) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("X-Forwarded-For", client).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static void assertRateLimited(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        @SuppressWarnings("unchecked")
        Map<String, Object> body = JSON.readValue(response.body(), Map.class);
        assertThat(body).containsEntry("code", "RATE_LIMITED").containsEntry("message", "请求过于频繁，请稍后再试");
    }

    private static String newAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }
}
