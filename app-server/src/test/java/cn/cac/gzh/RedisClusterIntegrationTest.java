package cn.cac.gzh;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import cn.cac.devservices.DevServicesInitializer;
import cn.cac.devservices.WechatSimulator;
import cn.cac.gzh.common.web.RequestRateLimits;
import cn.cac.testsupport.ConsoleClient;
import cn.cac.testsupport.IntegrationTest;
import cn.cac.testsupport.PortalCallbacks;
import cn.cac.testsupport.MiniApi;
import cn.cac.testsupport.WechatSimulatorClient;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.lettuce.core.cluster.RedisClusterClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.MapPropertySource;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 14: the service on a Redis Cluster of three masters (the OS's {@code redis-server}, on loopback)
 * instead of one Redis, through its HTTP API: console sessions, WeChat's access token shared in Redis,
 * the callback portal's de-duplication, the abuse limits and a push through a rate-limited channel. Only {@code spring.data.redis.cluster.nodes}
 * differs from a single-Redis run. The cluster starts before the context and stops when it closes
 * (after this class, or when it fails to start).
 */
@IntegrationTest
@ContextConfiguration(initializers = {RedisClusterIntegrationTest.StartRedisCluster.class, DevServicesInitializer.class})
@TestPropertySource(properties = {"rate-limit.limits.mini-login.requests=3", "rate-limit.limits.mini-login.per=1h",
        // the channel limits' buckets in the cluster too
        "delivery.rate-per-second.TEMPLATE=50", "delivery.rate-per-second.SUBSCRIBE=50"})
@DirtiesContext
class RedisClusterIntegrationTest {

    static final Path REDIS_SERVER = Path.of("/usr/bin/redis-server");
    static final Path REDIS_CLI = Path.of("/usr/bin/redis-cli");

    @LocalServerPort
    int port;
    @Autowired
    LocalRedisCluster cluster;
    @Autowired
    LettuceConnectionFactory redis;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.springframework.core.env.Environment environment;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theServiceRunsOnAClusterOfThreeMastersAndSpreadsItsKeysOverThem() throws Exception {
        assertThat(redis.getNativeClient()).isInstanceOf(RedisClusterClient.class);
        assertThat(cluster.cli(0, "cluster", "info")).contains("cluster_state:ok").contains("cluster_known_nodes:3");

        // console: sign-in and an authenticated request (Spring Session in the cluster)
        ConsoleClient console = new ConsoleClient(port);
        assertThat(console.login("admin", IntegrationTest.ADMIN_PASSWORD).status()).isEqualTo(200);
        assertThat(console.get("/api/console/dashboard").status()).isEqualTo(200);
        assertThat(new ConsoleClient(port).get("/api/console/dashboard").status()).isIn(401, 403);

        // mini-program: three logins from one address, then 429 (Bucket4j over the cluster connection)
        MiniApi mini = MiniApi.on(port);
        List<Integer> logins = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            logins.add(mini.post("/api/mini/auth/login", null, Map.of("code", "cluster-" + i)).status());
        }
        assertThat(logins).containsExactly(200, 200, 200, 429, 429);

        // portal: the same callback twice is handled once; new followers need the official account's
        // access token (union id), fetched once from WeChat and kept in the cluster for every later call
        WireMock simulator = WechatSimulatorClient.connect(environment.getProperty("wechat.api-base-url"));
        simulator.resetRequests();
        String msgId = String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits()));
        String report = report(msgId);
        assertThat(postPlain(report).body()).isEqualTo("success");
        assertThat(postPlain(report).body()).isEqualTo("success");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM oa_send_report WHERE msg_id = ?", Integer.class, msgId)).isOne();

        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 5; i++) {
            assertThat(postPlain(PortalCallbacks.subscribeXml("sim-mp-openid-" + run + "x" + i)).statusCode()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM oa_follower WHERE openid LIKE ? AND unionid IS NOT NULL", Integer.class,
                "sim-mp-openid-" + run + "x%") == 5);

        // a push to them through the rate-limited template-message channel (its bucket in the cluster),
        // with the same access token: still one fetch from WeChat
        var created = console.post("/api/console/pushes", Map.of("title", "集群", "summary", "Redis Cluster",
                "bodyHtml", "<p>x</p>", "audience", Map.of("kind", "FOLLOWERS"), "channels", List.of("TEMPLATE")));
        assertThat(created.status()).isEqualTo(201);
        String push = "/api/console/pushes/" + ((Number) created.get("id")).longValue();
        assertThat(console.post(push + "/publish", Map.of("version", created.get("version"))).status()).isEqualTo(200);
        // the audience is every follower in the database (other tests' too, sent at 50/s): wait for this run's five
        long pushId = ((Number) created.get("id")).longValue();
        await().atMost(Duration.ofSeconds(120)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM delivery WHERE source_type = 'POLICY' AND source_id = ? AND recipient LIKE ? AND status = 'SENT'",
                Integer.class, pushId, "sim-mp-openid-" + run + "x%") == 5);
        assertThat(simulator.find(postRequestedFor(urlPathEqualTo("/cgi-bin/message/template/send"))
                .withRequestBody(matchingJsonPath("$.touser", matching("sim-mp-openid-" + run + "x[0-9]"))))).hasSize(5);
        // at most one fetch since the reset (none when a start-up job had already fetched it into the cluster)
        assertThat(simulator.find(postRequestedFor(urlPathEqualTo("/cgi-bin/stable_token")))).hasSizeLessThanOrEqualTo(1);

        // the keys really are spread over the three masters
        for (int node = 0; node < 3; node++) {
            assertThat(Long.parseLong(cluster.cli(node, "dbsize").strip())).as("keys on node " + node).isPositive();
        }
        assertThat(cluster.keysEverywhere()).anyMatch(key -> key.startsWith("gzh:session:sessions:"))
                .anyMatch(key -> key.contains(WechatSimulator.MP_APP_ID))
                .anyMatch(key -> key.startsWith("oa:dedup:{"))
                .anyMatch(key -> key.contains(RequestRateLimits.MINI_LOGIN))
                .anyMatch(key -> key.equals("delivery:rate:TEMPLATE"));
    }

    private HttpResponse<String> postPlain(String xml) throws Exception {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        String nonce = "nn";
        // WeChat's plain-mode signature: SHA-1 of token, timestamp and nonce, sorted and joined
        String[] parts = {WechatSimulator.MP_TOKEN, timestamp, nonce};
        Arrays.sort(parts);
        String signature = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                .digest(String.join("", parts).getBytes(StandardCharsets.UTF_8)));
        URI uri = URI.create("http://127.0.0.1:" + port + "/wechat/portal/" + WechatSimulator.MP_APP_ID + "?signature=" + signature
                + "&timestamp=" + timestamp + "&nonce=" + nonce + "&openid=x");
        return http.send(HttpRequest.newBuilder(uri).header("Content-Type", "text/xml").POST(HttpRequest.BodyPublishers.ofString(xml))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String report(String msgId) {
        return "<xml><ToUserName><![CDATA[gh_office]]></ToUserName><FromUserName><![CDATA[user-r]]></FromUserName>"
                + "<CreateTime>" + Instant.now().getEpochSecond() + "</CreateTime><MsgType><![CDATA[event]]></MsgType>"
                + "<Event><![CDATA[TEMPLATESENDJOBFINISH]]></Event><MsgID>" + msgId + "</MsgID><Status><![CDATA[success]]></Status></xml>";
    }

    /**
     * Starts the cluster before anything reads the environment (so {@link DevServicesInitializer} sees
     * the cluster nodes and starts no single Redis) and stops it after every bean that talks to it.
     */
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static final class StartRedisCluster implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            LocalRedisCluster cluster = LocalRedisCluster.start();
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("redisCluster",
                    Map.of("spring.data.redis.cluster.nodes", cluster.nodes())));
            context.getBeanFactory().registerSingleton("localRedisCluster", cluster);
            if (context.getBeanFactory() instanceof DefaultSingletonBeanRegistry registry) {
                // registered before every other bean, so destroyed after all of them
                registry.registerDisposableBean("localRedisCluster", cluster::close);
            }
            context.addApplicationListener(event -> {
                if (event instanceof ApplicationFailedEvent) {
                    cluster.close();
                }
            });
        }
    }

    /** Three {@code redis-server} masters in cluster mode on free loopback ports, their files in a temporary folder. */
    static final class LocalRedisCluster implements AutoCloseable {

        private final Path folder;
        private final List<Integer> ports;
        private final List<Process> processes;

        private LocalRedisCluster(Path folder, List<Integer> ports, List<Process> processes) {
            this.folder = folder;
            this.ports = ports;
            this.processes = processes;
        }

        static LocalRedisCluster start() {
            if (!Files.isExecutable(REDIS_SERVER) || !Files.isExecutable(REDIS_CLI)) {
                // not a skip: CI installs them (.ci/run), so their absence is a broken machine
                throw new IllegalStateException("The Redis Cluster test needs the OS's " + REDIS_SERVER + " and " + REDIS_CLI
                        + ": install them (Debian: apt-get install redis-server redis-tools)");
            }
            List<Process> processes = new ArrayList<>();
            Path folder = null;
            try {
                folder = Files.createTempDirectory("gzh-redis-cluster-");
                List<Integer> ports = freePorts(3);
                for (int node = 0; node < ports.size(); node++) {
                    processes.add(new ProcessBuilder(REDIS_SERVER.toString(), "--port", String.valueOf(ports.get(node)),
                            "--bind", "127.0.0.1", "--cluster-enabled", "yes",
                            "--cluster-config-file", folder.resolve("nodes-" + node + ".conf").toString(),
                            "--dir", folder.toString(), "--appendonly", "no", "--save", "", "--daemonize", "no")
                            .redirectErrorStream(true).redirectOutput(folder.resolve("node-" + node + ".log").toFile()).start());
                }
                LocalRedisCluster cluster = new LocalRedisCluster(folder, ports, processes);
                for (int node = 0; node < ports.size(); node++) {
                    int n = node;
                    await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> cluster.cli(n, "ping").contains("PONG"));
                }
                List<String> create = new ArrayList<>(List.of(REDIS_CLI.toString(), "--cluster", "create"));
                ports.forEach(port -> create.add("127.0.0.1:" + port));
                create.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
                String created = run(create);
                if (!created.contains("All 16384 slots covered")) {
                    throw new IllegalStateException("redis-cli --cluster create failed:\n" + created);
                }
                for (int node = 0; node < ports.size(); node++) {
                    int n = node;
                    await().atMost(Duration.ofSeconds(20)).until(() -> cluster.cli(n, "cluster", "info").contains("cluster_state:ok"));
                }
                return cluster;
            } catch (Exception e) {
                new LocalRedisCluster(folder, List.of(), processes).close();
                throw new IllegalStateException("Could not start the local Redis Cluster: " + e.getMessage(), e);
            }
        }

        /** For {@code spring.data.redis.cluster.nodes}. */
        String nodes() {
            return ports.stream().map(port -> "127.0.0.1:" + port).collect(Collectors.joining(","));
        }

        String cli(int node, String... command) throws IOException, InterruptedException {
            List<String> line = new ArrayList<>(List.of(REDIS_CLI.toString(), "-h", "127.0.0.1", "-p", String.valueOf(ports.get(node))));
            line.addAll(List.of(command));
            return run(line);
        }

        List<String> keysEverywhere() throws IOException, InterruptedException {
            List<String> keys = new ArrayList<>();
            for (int node = 0; node < ports.size(); node++) {
                keys.addAll(cli(node, "--scan").lines().filter(line -> !line.isBlank()).toList());
            }
            return keys;
        }

        private static String run(List<String> command) throws IOException, InterruptedException {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("Timed out: " + command);
            }
            return output;
        }

        /** Ports whose cluster bus port (port + 10000) is free as well. */
        private static List<Integer> freePorts(int count) throws IOException {
            List<Integer> ports = new ArrayList<>();
            while (ports.size() < count) {
                int port;
                try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                    port = socket.getLocalPort();
                }
                if (port + 10_000 < 65_536 && !ports.contains(port) && isFree(port + 10_000)) {
                    ports.add(port);
                }
            }
            return ports;
        }

        private static boolean isFree(int port) {
            try (ServerSocket ignored = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        @Override
        public synchronized void close() {
            for (Process process : processes) {
                process.destroy(); // SIGTERM: nothing to save, Redis exits at once
            }
            for (Process process : processes) {
                try {
                    if (!process.waitFor(10, TimeUnit.SECONDS)) {
                        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    process.destroyForcibly();
                }
            }
            processes.clear();
            if (folder != null && Files.exists(folder)) {
                try (Stream<Path> files = Files.walk(folder)) {
                    files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(path -> path.toFile().delete());
                } catch (IOException e) {
                    throw new IllegalStateException("Could not delete " + folder, e);
                }
            }
        }
    }
}
