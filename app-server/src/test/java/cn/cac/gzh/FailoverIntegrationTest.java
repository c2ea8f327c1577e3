package cn.cac.gzh;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import cn.cac.testsupport.ConsoleClient;
import cn.cac.testsupport.FollowerPushes;
import cn.cac.testsupport.ExternalInstance;
import cn.cac.testsupport.FilingForms;
import cn.cac.testsupport.IntegrationTest;
import cn.cac.testsupport.MiniApi;
import cn.cac.testsupport.WechatSimulatorClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Failover on loopback with real parts: the OS's nginx in front of two instances (this test's context and one
 * more in a JVM of its own) sharing the database, Redis, the bucket and the WeChat simulator. Under a steady,
 * bounded load through nginx (mini-program reads and draft writes, console reads with one session), the second
 * instance is killed with SIGKILL while it holds claimed deliveries of a push in progress. Asserted: no
 * idempotent request fails (nginx retries the next upstream), every acknowledged write is stored exactly once,
 * the console session survives (Spring Session in Redis), the push completes with each recipient messaged
 * exactly once, and the ShedLock-guarded push expansion keeps running on the survivor.
 */
@IntegrationTest
class FailoverIntegrationTest {

    private static final Path NGINX = Path.of("/usr/sbin/nginx");
    private static final String TEMPLATE_SEND = "/cgi-bin/message/template/send";
    private static final int RECIPIENTS = 300;
    private static final int MINI_WORKERS = 3;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Process nginx;
    private static Path nginxPrefix;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Environment environment;
    @Value("${wechat.api-base-url}")
    String wechatBaseUrl;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Map<String, Tally> tallies = new ConcurrentHashMap<>();
    private final AtomicBoolean killed = new AtomicBoolean();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private volatile int secondPort;

    /** Counts of one kind of request. */
    static final class Tally {
        final AtomicInteger total = new AtomicInteger();
        final AtomicInteger ok = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger bySecondBeforeKill = new AtomicInteger();
        final AtomicInteger retriedByNginx = new AtomicInteger();

        @Override
        public String toString() {
            return total + " (2xx " + ok + ", failed " + failed + ", by the 2nd instance before the kill " + bySecondBeforeKill
                    + ", retried on the next upstream " + retriedByNginx + ")";
        }
    }

    /** An acknowledged draft and what its owner knows of it. */
    static final class Draft {
        final long id;
        final String originalId;
        final int createdVersion;
        int version;
        String name;
        int appliedPuts;

        Draft(long id, String originalId, int version, String name) {
            this.id = id;
            this.originalId = originalId;
            this.createdVersion = version;
            this.version = version;
            this.name = name;
        }
    }

    record Answer(int status, Map<String, Object> body, String upstream) {
    }

    @AfterAll
    static void stopNginx() throws InterruptedException {
        if (nginx != null) {
            nginx.destroy(); // SIGTERM: nginx's fast shutdown, workers included
            if (!nginx.waitFor(10, TimeUnit.SECONDS)) {
                nginx.destroyForcibly().waitFor();
            }
            nginx = null;
        }
        if (nginxPrefix != null) {
            try (var files = Files.walk(nginxPrefix)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // a temporary folder: left to the OS
            }
            nginxPrefix = null;
        }
    }

    @Test
    void killingOneInstanceBehindNginxLosesNoWriteNoSessionNoMessage() throws Exception {
        assertThat(Files.isExecutable(NGINX))
                .as("this test runs the OS's nginx (%s): apt-get install nginx (.ci/run installs it when missing)", NGINX).isTrue();
        long started = System.nanoTime();
        WireMock simulator = WechatSimulatorClient.connect(wechatBaseUrl);
        String prefix = "fo-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        // a WeChat that takes 150 ms per message, so the push is still under way when the instance dies
        StubMapping slow = simulator.register(post(urlPathEqualTo(TEMPLATE_SEND)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.touser", matching("sim-mp-openid-" + prefix + ".*")))
                .willReturn(aResponse().withFixedDelay(150).withHeader("Content-Type", "application/json")
                        .withBody("{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":{{randomInt lower=100000000 upper=999999999}} }")
                        .withTransformers("response-template")));
        ExecutorService workers = Executors.newFixedThreadPool(MINI_WORKERS + 1);
        ExternalInstance second = null;
        try {
            // a small pool: the machine's MariaDB is shared with the rest of the suite (151 connections by default)
            second = ExternalInstance.start(environment, "failover-instance", "--delivery.lease=3s", "--delivery.idle-poll=50ms",
                    "--delivery.retry-delay=200ms", "--push.expansion-interval=200ms", "--spring.datasource.hikari.maximum-pool-size=8");
            secondPort = second.port();
            int nginxPort = startNginx(port, secondPort);

            // one console session, signed in through nginx; operators signed in through nginx
            ConsoleClient admin = new ConsoleClient(nginxPort);
            assertThat(admin.login("admin", IntegrationTest.ADMIN_PASSWORD).status()).isEqualTo(200);
            MiniApi mini = MiniApi.on(nginxPort);
            List<MiniApi.Session> operators = new ArrayList<>();
            for (int i = 0; i < MINI_WORKERS; i++) {
                operators.add(mini.loginWithConsent("failover" + UUID.randomUUID().toString().replace("-", "").substring(0, 8)));
            }
            FollowerPushes.seed(jdbc, prefix, RECIPIENTS);

            // the load: a fixed number of workers, each one request after the other
            List<Future<List<Draft>>> miniWork = new ArrayList<>();
            ConcurrentLinkedQueue<String> createdIds = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<String> failedCreates = new ConcurrentLinkedQueue<>();
            for (MiniApi.Session operator : operators) {
                miniWork.add(workers.submit(() -> miniWorker(nginxPort, operator.accessToken(), createdIds, failedCreates)));
            }
            Future<?> consoleWork = workers.submit(() -> consoleWorker(admin));

            Thread.sleep(3000);
            long push = FollowerPushes.publish(admin, "故障切换", "一个实例被终止");
            watchUntilSecondHoldsClaims(push, second.pid(), Duration.ofSeconds(30));
            Timestamp expansionBeforeKill = expansionLockedAt();
            second.kill();
            killed.set(true);
            long killedAt = System.nanoTime();
            Thread.sleep(8000);
            stop.set(true);
            List<Draft> drafts = new ArrayList<>();
            for (Future<List<Draft>> work : miniWork) {
                drafts.addAll(work.get(30, TimeUnit.SECONDS));
            }
            consoleWork.get(30, TimeUnit.SECONDS);

            // the push completes on the survivor; counted as WeChat counts, by client_msg_id
            await().atMost(Duration.ofSeconds(60)).until(() -> "SENT".equals(admin.get("/api/console/pushes/" + push).get("status")));
            long pushDoneSeconds = (System.nanoTime() - killedAt) / 1_000_000_000L;
            Map<String, List<String>> sent = clientIdsByRecipient(simulator, prefix);
            int messages = sent.values().stream().mapToInt(List::size).sum();
            // the scheduled expansion job kept running after the kill (its ShedLock row taken again by the survivor)
            await().atMost(Duration.ofSeconds(30)).until(() -> expansionLockedAt().after(expansionBeforeKill));

            String summary = "Failover: " + new TreeMap<>(tallies) + "; failed POSTs applied anyway "
                    + appliedAnyway(failedCreates) + "; push to " + RECIPIENTS + " recipients: " + sent.size()
                    + " messaged, " + messages + " messages, sent " + pushDoneSeconds + " s after the kill; whole test "
                    + (System.nanoTime() - started) / 1_000_000_000L + " s";
            System.out.println(summary);

            assertThat(failures).as("failed idempotent requests (GET, PUT) — nginx must retry them on the survivor").isEmpty();
            assertThat(tallies.get("console GET").ok.get()).as("console requests").isPositive();
            assertThat(tallies.values().stream().mapToInt(t -> t.bySecondBeforeKill.get()).sum())
                    .as("nginx balanced onto the second instance").isPositive();
            // every acknowledged create stored exactly once (a failed one at most once)
            assertThat(countByOriginalId(createdIds)).as("acknowledged drafts").allSatisfy((id, n) -> assertThat(n).isEqualTo(1))
                    .hasSize(createdIds.size());
            assertThat(countByOriginalId(failedCreates)).allSatisfy((id, n) -> assertThat(n).isLessThanOrEqualTo(1));
            // every acknowledged save applied exactly once: one version step per save, the last one stored
            for (Draft draft : drafts) {
                Map<String, Object> row = jdbc.queryForMap("SELECT version, account_name FROM filing WHERE id = ?", draft.id);
                assertThat(((Number) row.get("version")).intValue()).as("draft %d version", draft.id)
                        .isEqualTo(draft.version).isEqualTo(draft.createdVersion + draft.appliedPuts);
                assertThat(row.get("account_name")).isEqualTo(draft.name);
            }
            assertThat(sent).as("no recipient lost").hasSize(RECIPIENTS);
            assertThat(sent.values()).allSatisfy(ids -> assertThat(new HashSet<>(ids)).hasSize(1));
            assertThat(sent.values().stream().map(ids -> ids.get(0)).distinct().count()).isEqualTo(RECIPIENTS);
            assertThat(jdbc.queryForObject("""
                    SELECT COUNT(*) FROM delivery WHERE source_type = 'POLICY' AND source_id = ? AND recipient LIKE ? AND status = 'SENT'""",
                    Integer.class, push, "sim-mp-openid-" + prefix + "%")).as("one delivery per recipient, each sent").isEqualTo(RECIPIENTS);
            assertThat(jdbc.queryForObject("""
                    SELECT COUNT(*) FROM (SELECT recipient FROM delivery WHERE source_type = 'POLICY' AND source_id = ?
                      GROUP BY recipient, channel HAVING COUNT(*) > 1) twice""", Integer.class, push)).isZero();
        } finally {
            stop.set(true);
            workers.shutdownNow();
            simulator.removeStubMapping(slow);
            if (second != null) {
                second.close();
            }
            stopNginx();
        }
    }

    // ------------------------------------------------------------------ nginx

    /** nginx as in deploy/nginx/conf.d/filing.conf, on loopback, in a temporary prefix; returns its port. */
    private static int startNginx(int firstPort, int secondPort) throws IOException {
        Path prefix = Files.createTempDirectory("failover-nginx");
        nginxPrefix = prefix;
        int nginxPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            nginxPort = socket.getLocalPort();
        }
        Path conf = prefix.resolve("nginx.conf");
        Files.writeString(conf, """
                daemon off;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log;
                worker_processes 1;
                events {}
                http {
                    access_log %1$s/access.log;
                    client_body_temp_path %1$s/client_body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    upstream app {
                        server 127.0.0.1:%2$d max_fails=1 fail_timeout=5s;
                        server 127.0.0.1:%3$d max_fails=1 fail_timeout=5s;
                    }
                    server {
                        listen 127.0.0.1:%4$d;
                        client_max_body_size 1m;
                        location / {
                            proxy_pass http://app;
                            # idempotent requests only (GET, HEAD, PUT, DELETE, OPTIONS): a POST is never sent twice
                            proxy_next_upstream error timeout http_502 http_503;
                            proxy_next_upstream_tries 2;
                            proxy_next_upstream_timeout 10s;
                            proxy_connect_timeout 1s;
                            proxy_read_timeout 10s;
                            proxy_set_header Host $http_host;
                            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                            proxy_set_header X-Forwarded-Proto $scheme;
                            # which upstream(s) answered, for the test's figures
                            add_header X-Upstream $upstream_addr always;
                        }
                    }
                }
                """.formatted(prefix, firstPort, secondPort, nginxPort));
        nginx = new ProcessBuilder(NGINX.toString(), "-e", prefix.resolve("error.log").toString(), "-c", conf.toString(),
                "-p", prefix.toString()).redirectErrorStream(true).redirectOutput(prefix.resolve("nginx.out").toFile()).start();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            assertThat(nginx.isAlive()).as("nginx running (see %s)", prefix).isTrue();
            try (Socket probe = new Socket("127.0.0.1", nginxPort)) {
                return true;
            } catch (IOException notYet) {
                return false;
            }
        });
        return nginxPort;
    }

    // ------------------------------------------------------------------ the load

    private List<Draft> miniWorker(int nginxPort, String token, ConcurrentLinkedQueue<String> createdIds,
            ConcurrentLinkedQueue<String> failedCreates) throws InterruptedException {
        List<Draft> drafts = new ArrayList<>();
        Draft current = null;
        for (int n = 0; !stop.get(); n++) {
            if (current == null || n % 5 == 0) {
                String originalId = FilingForms.newOriginalId();
                Answer created = send(nginxPort, "POST", "/api/mini/filings", token, FilingForms.minimalDraft(originalId), "mini POST draft");
                if (created.status() == 201) {
                    createdIds.add(originalId);
                    current = new Draft(((Number) created.body().get("id")).longValue(), originalId,
                            ((Number) created.body().get("version")).intValue(), "睢县发布");
                    drafts.add(current);
                } else {
                    failedCreates.add(originalId);
                }
            }
            if (current != null) {
                String name = "睢县发布" + n;
                // the whole form is saved: the draft's own original ID stays, the name changes
                Map<String, Object> form = FilingForms.minimalDraft(current.originalId);
                FilingForms.section(form, "account").put("name", name);
                Answer saved = send(nginxPort, "PUT", "/api/mini/filings/" + current.id, token,
                        Map.of("version", current.version, "form", form), "mini PUT draft");
                if (saved.status() == 200) {
                    current.version = ((Number) saved.body().get("version")).intValue();
                    current.name = name;
                    current.appliedPuts++;
                }
                Answer read = send(nginxPort, "GET", "/api/mini/filings/" + current.id, token, null, "mini GET filing");
                if (saved.status() != 200) {
                    // what became of a save that failed: applied once, or not at all
                    boolean applied = false;
                    if (read.status() == 200) {
                        int version = ((Number) read.body().get("version")).intValue();
                        applied = version == current.version + 1 && name.equals(storedName(read));
                        if (applied) {
                            current.appliedPuts++;
                            current.version = version;
                            current.name = name;
                        }
                    }
                    // the one acceptable answer: the instance applied the save and died before answering, nginx sent it
                    // again to the survivor, whose optimistic lock refused it (409) — applied exactly once
                    boolean appliedThenRefusedOnRetry = applied && saved.status() == 409 && saved.upstream().contains(",");
                    if (!appliedThenRefusedOnRetry) {
                        failures.add("mini PUT draft " + saved.status() + " via " + saved.upstream() + (applied ? " (applied)" : ""));
                    }
                }
            }
            send(nginxPort, "GET", "/api/mini/inbox", token, null, "mini GET inbox");
            Thread.sleep(20);
        }
        return drafts;
    }

    @SuppressWarnings("unchecked")
    private static String storedName(Answer read) {
        return (String) ((Map<String, Object>) ((Map<String, Object>) read.body().get("form")).get("account")).get("name");
    }

    private Void consoleWorker(ConsoleClient admin) throws InterruptedException {
        while (!stop.get()) {
            ConsoleClient.Answer answer = admin.get("/api/console/dashboard");
            record("console GET", answer.status(), answer.raw().headers().firstValue("X-Upstream").orElse(""), true);
            Thread.sleep(20);
        }
        return null;
    }

    private Answer send(int nginxPort, String method, String path, String token, Object body, String kind) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + nginxPort + path))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token);
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String upstream = response.headers().firstValue("X-Upstream").orElse("");
            // GET failures are failures; a PUT's are judged once its outcome is known (miniWorker); POSTs are not retried
            record(kind, response.statusCode(), upstream, method.equals("GET"));
            Map<String, Object> parsed = Map.of();
            if (response.body().strip().startsWith("{")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> map = JSON.readValue(response.body(), Map.class);
                parsed = map;
            }
            return new Answer(response.statusCode(), parsed, upstream);
        } catch (IOException e) {
            record(kind, -1, "", method.equals("GET"));
            return new Answer(-1, Map.of(), "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, Map.of(), "");
        }
    }

    private void record(String kind, int status, String upstream, boolean idempotent) {
        Tally tally = tallies.computeIfAbsent(kind, k -> new Tally());
        tally.total.incrementAndGet();
        if (status >= 200 && status < 300) {
            tally.ok.incrementAndGet();
        } else {
            tally.failed.incrementAndGet();
            if (idempotent) {
                failures.add(kind + " " + status + " via " + upstream + (killed.get() ? " after" : " before") + " the kill");
            }
        }
        if (!killed.get() && upstream.endsWith(":" + secondPort)) {
            tally.bySecondBeforeKill.incrementAndGet();
        }
        if (upstream.contains(",")) {
            tally.retriedByNginx.incrementAndGet();
        }
    }

    // ------------------------------------------------------------------ the push

    private void watchUntilSecondHoldsClaims(long push, long secondPid, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            Set<String> owners = new HashSet<>(jdbc.queryForList("""
                    SELECT DISTINCT lease_owner FROM delivery WHERE source_type = 'POLICY' AND source_id = ? AND status = 'SENDING'
                      AND lease_owner IS NOT NULL""", String.class, push));
            if (owners.stream().anyMatch(o -> o.startsWith(secondPid + "@"))) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the second instance never claimed deliveries of push " + push);
    }

    private Timestamp expansionLockedAt() {
        return jdbc.queryForObject("SELECT locked_at FROM shedlock WHERE name = 'push-expansion'", Timestamp.class);
    }

    private Map<String, Integer> countByOriginalId(java.util.Collection<String> originalIds) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String id : originalIds) {
            counts.put(id, jdbc.queryForObject("SELECT COUNT(*) FROM filing WHERE account_original_id = ?", Integer.class, id));
        }
        return counts;
    }

    private long appliedAnyway(java.util.Collection<String> failedCreates) {
        return countByOriginalId(failedCreates).values().stream().filter(n -> n > 0).count();
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
