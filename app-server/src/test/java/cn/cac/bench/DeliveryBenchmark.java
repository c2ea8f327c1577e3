package cn.cac.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import cn.cac.devservices.DevServicesInitializer;
import cn.cac.devservices.WechatSimulator;
import cn.cac.gzh.FilingPlatformApplication;
import cn.cac.testsupport.ConsoleClient;
import cn.cac.testsupport.ExternalSettings;
import com.sun.management.GarbageCollectionNotificationInfo;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateData;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateMessage;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.entity.ContentType;
import org.apache.http.entity.StringEntity;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.apache.http.util.EntityUtils;
import redis.embedded.RedisServer;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The delivery pipeline against a WeChat stub that answers in 20 ms (a separate light process,
 * {@link WechatStub}), in one run:
 * <ol>
 *   <li>the stub alone under load (it must not be the bottleneck);</li>
 *   <li>a push to 100,000 followers (one template message each) through the pipeline, no rate limit;</li>
 *   <li>the baseline: a plain loop calling WxJava's {@code sendTemplateMsg} per recipient, on a sample;</li>
 *   <li>two instances (the second in its own JVM) sharing a push to 100,000 followers, counted at the stub
 *       per {@code client_msg_id} and per recipient;</li>
 *   <li>a push to 20,000 followers with {@code delivery.rate-per-second.TEMPLATE} set: achieved rate vs. the limit.</li>
 * </ol>
 * Heap after every GC of this JVM (run under {@code -Xmx256m}) and access-token fetches at the stub (one for the
 * whole run) are reported. Run with {@code app-server/bench/delivery-benchmark.sh}; results in docs/performance.md.
 */
public final class DeliveryBenchmark {

    private static final String ADMIN_PASSWORD = "Bench-Admin-2026";
    private static final String FOLLOWER = "bench-follower-";
    private static final List<Long[]> GC_LOG = new ArrayList<>();

    private DeliveryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int recipients = Integer.getInteger("bench.recipients", 100_000);
        int baselineSample = Integer.getInteger("bench.baseline", 1_000);
        int rate = Integer.getInteger("bench.rate", 500);
        int rateRecipients = Integer.getInteger("bench.rate-recipients", 20_000);
        boolean twoInstances = !Boolean.getBoolean("bench.skip-two-instances");
        String url = System.getProperty("bench.jdbc-url",
                "jdbc:mysql://127.0.0.1:3306/filing_bench_delivery?createDatabaseIfNotExist=true");
        List<String> appArgs = Arrays.stream(System.getProperty("bench.app-args", "").split("\\s+"))
                .filter(a -> !a.isBlank()).toList();
        watchHeap();
        Map<String, String> summary = new LinkedHashMap<>();
        long firstPush = 0;
        double[] secondWindow = null;

        int port = freePort();
        int secondPort = freePort();
        Process stub = startStub(port, secondPort);
        RedisServer redis = null;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String stubBase = "http://127.0.0.1:" + port;
        try {
            // 1. the stub alone
            int stubClients = Integer.getInteger("bench.stub-clients", 256);
            long stubCpuBefore = cpuMillis(stub);
            double stubRate = loadStub(stubBase, stubClients, Duration.ofSeconds(10));
            System.out.printf("stub CPU during its load test (13 s with warm-up): %.1f s%n", (cpuMillis(stub) - stubCpuBefore) / 1e3);
            if (Boolean.getBoolean("bench.stub-only")) {
                return;
            }
            summary.put("stub alone (" + stubClients + " concurrent, 10 s)", String.format("%,.0f requests/s", stubRate));
            WechatStub.reset(http, stubBase);

            String redisHost = System.getProperty("bench.redis-host");
            int redisPort = Integer.getInteger("bench.redis-port", 6379);
            if (redisHost == null) {
                redisHost = "127.0.0.1";
                redisPort = freePort();
                redis = RedisServer.newRedisServer().port(redisPort).bind("127.0.0.1").setting("save \"\"")
                        .setting("appendonly no").onShutdownForceStop(true).build();
                redis.start();
            }
            clearDeliveryTables(url);
            List<String> common = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + url,
                    "--spring.datasource.username=root", "--spring.datasource.password=",
                    "--spring.data.redis.host=" + redisHost, "--spring.data.redis.port=" + redisPort,
                    "--wechat.api-base-url=" + stubBase,
                    "--wechat.token-key-prefix=bench-" + UUID.randomUUID().toString().substring(0, 8),
                    "--wechat.miniapp.app-id=" + WechatSimulator.MINIAPP_APP_ID, "--wechat.miniapp.secret=" + WechatSimulator.MINIAPP_SECRET,
                    "--wechat.mp.app-id=" + WechatSimulator.MP_APP_ID, "--wechat.mp.secret=" + WechatSimulator.MP_SECRET,
                    "--wechat.mp.token=" + WechatSimulator.MP_TOKEN, "--wechat.mp.aes-key=" + WechatSimulator.MP_AES_KEY,
                    "--delivery.templates.POLICY.template.template-id=" + WechatSimulator.POLICY_TEMPLATE_ID,
                    "--delivery.templates.POLICY.subscribe.template-id=" + WechatSimulator.POLICY_SUBSCRIBE_TEMPLATE_ID,
                    "--console.bootstrap-admin-password=" + ADMIN_PASSWORD, "--logging.level.root=WARN",
                    "--material.cleanup-interval=PT24H"));
            common.addAll(appArgs);

            ConfigurableApplicationContext context = start(common);
            try {
                JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
                int appPort = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
                ConsoleClient admin = new ConsoleClient(appPort);
                if (admin.login("admin", ADMIN_PASSWORD).status() != 200) {
                    throw new IllegalStateException("cannot sign in as admin: was the schema created with another password?");
                }
                seed(jdbc, recipients);

                // 2. the pipeline, one instance, no rate limit (the first WeChat call of the run: the token is cold)
                firstPush = System.currentTimeMillis();
                stubCpuBefore = cpuMillis(stub);
                Result pipeline = push("pipeline, 1 instance", admin, jdbc, http, stubBase, recipients);
                long stubCpu = cpuMillis(stub) - stubCpuBefore;
                summary.put("pipeline, 1 instance", pipeline.describe());
                summary.put("stub CPU during the pipeline run", String.format("%.1f s for %.1f s (%.0f %% of one core)",
                        stubCpu / 1e3, pipeline.seconds, stubCpu / 10.0 / pipeline.seconds));
                summary.put("token fetches after the pipeline run", WechatStub.stats(http, stubBase).getProperty("tokenFetches"));

                // 3. the baseline, side by side
                double baseline = baseline(context.getBean(WxMpService.class), http, stubBase, baselineSample);
                summary.put("baseline (plain loop over WxJava sendTemplateMsg)",
                        String.format("%,d sends: %,.1f deliveries/s", baselineSample, baseline));
                summary.put("ratio pipeline / baseline", String.format("%.1f×", pipeline.rate / baseline));

                // 4. two instances share a push
                if (twoInstances) {
                    Process second = startSecondInstance(context, appArgs, "http://127.0.0.1:" + secondPort);
                    try {
                        double secondUptime = uptimeSeconds(second);
                        Result shared = push("pipeline, 2 instances", admin, jdbc, http, stubBase, recipients);
                        secondWindow = new double[] {secondUptime, uptimeSeconds(second)};
                        summary.put("pipeline, 2 instances", shared.describe());
                        summary.put("two instances: messages by instance", shared.stats.getProperty("port." + port, "0") + " + "
                                + shared.stats.getProperty("port." + secondPort, "0"));
                    } finally {
                        second.destroy();
                        second.waitFor(30, TimeUnit.SECONDS);
                        second.destroyForcibly();
                    }
                    summary.put("second instance (-Xmx256m) during the push", gcLogSummary(Path.of("target",
                            "bench-second-instance-gc.log"), secondWindow));
                }
            } finally {
                context.close();
            }

            // 5. with a rate limit (a setting read at start: a fresh context against the same Redis and stub)
            if (rateRecipients > 0) {
                List<String> limited = new ArrayList<>(common);
                limited.add("--delivery.rate-per-second.TEMPLATE=" + rate);
                context = start(limited);
                try {
                    JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
                    ConsoleClient admin = new ConsoleClient(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
                    admin.login("admin", ADMIN_PASSWORD);
                    jdbc.update("UPDATE oa_follower SET subscribed = (openid < ?)", String.format("%s%06d", FOLLOWER, rateRecipients));
                    Result limitedRun = push("pipeline, rate limit " + rate + "/s", admin, jdbc, http, stubBase, rateRecipients);
                    long sends = Long.parseLong(limitedRun.stats.getProperty("templateSends"));
                    double firstToLast = Long.parseLong(limitedRun.stats.getProperty("firstToLastMillis")) / 1e3;
                    double achieved = (sends - 1) / firstToLast;
                    summary.put("pipeline, rate limit " + rate + "/s", limitedRun.describe());
                    summary.put("rate limit: achieved at the stub (first to last message)", String.format(
                            "%,.1f/s = %+.2f %% of %d/s; busiest second %s messages", achieved, (achieved / rate - 1) * 100, rate,
                            limitedRun.stats.getProperty("busiestSecond")));
                } finally {
                    context.close();
                }
            }
            summary.put("access-token fetches, whole run", WechatStub.stats(http, stubBase).getProperty("tokenFetches"));
            summary.put("this JVM from the first push to the end", heapSummary(firstPush));
        } finally {
            stub.destroy();
            if (redis != null) {
                redis.stop();
            }
        }
        System.out.println();
        System.out.println("=== Delivery benchmark: " + Runtime.getRuntime().availableProcessors() + " cores, max heap "
                + (Runtime.getRuntime().maxMemory() >> 20) + " MB, app args " + appArgs + " ===");
        summary.forEach((key, value) -> System.out.println("| " + key + " | " + value + " |"));
    }

    private static ConfigurableApplicationContext start(List<String> args) {
        SpringApplication application = new SpringApplication(FilingPlatformApplication.class);
        application.addInitializers(new DevServicesInitializer());
        return application.run(args.toArray(String[]::new));
    }

    /** What one push did: time from publish to the last outcome, and what the stub counted. */
    private record Result(int recipients, double seconds, double rate, double firstSendSeconds, long sent, Properties stats,
            String heap) {
        String describe() {
            return String.format("%,d delivered in %.1f s = %,.0f deliveries/s (publish → every row written; first message %.1f s after publish; "
                            + "10th to 90th percentile message %s/s, busiest second %s); at the stub: "
                            + "%s messages, %s distinct client_msg_ids (max %s per id), %s distinct recipients (max %s each); %s",
                    sent, seconds, rate, firstSendSeconds, stats.getProperty("p10ToP90PerSecond"),
                    stats.getProperty("busiestSecond"), stats.getProperty("templateSends"),
                    stats.getProperty("distinctClientMsgIds"), stats.getProperty("maxPerClientMsgId"),
                    stats.getProperty("distinctRecipients"), stats.getProperty("maxPerRecipient"), heap);
        }
    }

    private static Result push(String label, ConsoleClient admin, JdbcTemplate jdbc, HttpClient http, String stubBase,
            int expected) throws Exception {
        WechatStub.reset(http, stubBase);
        var created = admin.post("/api/console/pushes", Map.of("title", "基准测试", "summary", "十万人推送",
                "bodyHtml", "<p>benchmark</p>", "audience", Map.of("kind", "FOLLOWERS"), "channels", List.of("TEMPLATE")));
        long id = ((Number) created.get("id")).longValue();
        System.gc();
        long heapMark = System.currentTimeMillis();
        long published = System.currentTimeMillis();
        long t0 = System.nanoTime();
        var answer = admin.post("/api/console/pushes/" + id + "/publish", Map.of("version", created.get("version")));
        if (answer.status() != 200) {
            throw new IllegalStateException("publish answered " + answer.status() + " " + answer.body());
        }
        System.out.printf("%n--- %s: push %d to %,d followers published ---%n", label, id, expected);
        long lastReport = t0;
        long doneAt;
        long lastSent = 0;
        while (true) {
            Thread.sleep(250);
            Map<String, Long> byStatus = new LinkedHashMap<>();
            jdbc.query("SELECT status, COUNT(*) FROM delivery WHERE source_type = 'POLICY' AND source_id = ? GROUP BY status",
                    rs -> {
                        byStatus.put(rs.getString(1), rs.getLong(2));
                    }, id);
            boolean expanded = Boolean.TRUE.equals(jdbc.queryForObject(
                    "SELECT expanded_at IS NOT NULL FROM push_message WHERE id = ?", Boolean.class, id));
            long pending = byStatus.getOrDefault("QUEUED", 0L) + byStatus.getOrDefault("SENDING", 0L);
            long sent = byStatus.getOrDefault("SENT", 0L);
            long now = System.nanoTime();
            if (now - lastReport >= 5_000_000_000L) {
                System.out.printf("  %5.1f s: %s, last 5 s %,.0f/s, heap after last GC %d MB%n", (now - t0) / 1e9, byStatus,
                        (sent - lastSent) / ((now - lastReport) / 1e9), lastHeapAfterGc() >> 20);
                lastReport = now;
                lastSent = sent;
            }
            if (expanded && pending == 0) {
                doneAt = System.currentTimeMillis();
                if (sent != expected) {
                    throw new IllegalStateException(label + ": " + sent + " sent of " + expected + ": " + byStatus);
                }
                break;
            }
            if (now - t0 > TimeUnit.MINUTES.toNanos(15)) {
                throw new IllegalStateException(label + " did not finish: " + byStatus);
            }
        }
        // the end: when polling (every 250 ms) first saw every row written, so a little late rather than early. (The
        // rows' own times cannot serve: on MariaDB 10.11 Connector/J sends whole seconds, the server's version
        // string starting with "5.5.5-".)
        double seconds = (doneAt - published) / 1e3;
        Properties stats = WechatStub.stats(http, stubBase);
        double first = (Long.parseLong(stats.getProperty("firstEpochMillis")) - published) / 1e3;
        Result result = new Result(expected, seconds, expected / seconds, first, expected, stats, heapSummary(heapMark));
        System.out.println("  " + result.describe());
        System.out.println("  stub: " + stats);
        check(stats, "distinctClientMsgIds", expected);
        check(stats, "maxPerClientMsgId", 1);
        check(stats, "distinctRecipients", expected);
        check(stats, "maxPerRecipient", 1);
        check(stats, "badToken", 0);
        return result;
    }

    private static void check(Properties stats, String key, long expected) {
        if (Long.parseLong(stats.getProperty(key, "0")) != expected) {
            throw new IllegalStateException("at the stub " + key + " = " + stats.getProperty(key) + ", expected " + expected);
        }
    }

    /** The way most WeChat back-ends send a broadcast today: a loop over the recipients, one WxJava call each. */
    private static double baseline(WxMpService wechat, HttpClient http, String stubBase, int sample) throws Exception {
        var link = new WxMpTemplateMessage.MiniProgram();
        link.setAppid(WechatSimulator.MINIAPP_APP_ID);
        link.setPagePath("pages/inbox/detail?id=1");
        long t0 = 0;
        for (int i = -20; i < sample; i++) {
            if (i == 0) {
                // 20 sends to warm up, then the clock starts
                WechatStub.reset(http, stubBase);
                t0 = System.nanoTime();
            }
            var message = WxMpTemplateMessage.builder().toUser("bench-baseline-" + i)
                    .templateId(WechatSimulator.POLICY_TEMPLATE_ID).miniProgram(link).clientMsgId("baseline-" + i).build();
            message.addData(new WxMpTemplateData("thing1", "基准测试"));
            message.addData(new WxMpTemplateData("time2", "2026-12-01 10:00"));
            message.addData(new WxMpTemplateData("thing3", "十万人推送"));
            wechat.getTemplateMsgService().sendTemplateMsg(message);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Properties stats = WechatStub.stats(http, stubBase);
        check(stats, "distinctClientMsgIds", sample);
        double rate = sample / seconds;
        System.out.printf("%n--- baseline: %,d sends one after another in %.1f s = %.1f/s ---%n", sample, seconds, rate);
        return rate;
    }

    /** The stub alone: many clients, each sending the next request as soon as the previous answer came. */
    private static double loadStub(String base, int concurrency, Duration duration) throws Exception {
        PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager();
        pool.setMaxTotal(concurrency);
        pool.setDefaultMaxPerRoute(concurrency);
        String body = "{\"touser\":\"bench-load\",\"template_id\":\"sim-template-policy\",\"client_msg_id\":\"load\","
                + "\"data\":{\"thing1\":{\"value\":\"基准测试\"}}}";
        try (CloseableHttpClient client = HttpClients.custom().setConnectionManager(pool).build()) {
            ExecutorService threads = Executors.newFixedThreadPool(concurrency);
            AtomicLong count = new AtomicLong();
            AtomicLong latencyNanos = new AtomicLong();
            List<Future<?>> futures = new ArrayList<>();
            long warmUpEnd = System.nanoTime() + 3_000_000_000L;
            long end = warmUpEnd + duration.toNanos();
            for (int i = 0; i < concurrency; i++) {
                futures.add(threads.submit(() -> {
                    while (System.nanoTime() < end) {
                        HttpPost post = new HttpPost(base + "/cgi-bin/message/template/send?access_token=" + WechatStub.TOKEN);
                        post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
                        long start = System.nanoTime();
                        try (var response = client.execute(post)) {
                            EntityUtils.consume(response.getEntity());
                        }
                        if (start >= warmUpEnd) {
                            count.incrementAndGet();
                            latencyNanos.addAndGet(System.nanoTime() - start);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            threads.shutdown();
            double rate = count.get() / (duration.toNanos() / 1e9);
            System.out.printf("%n--- stub alone: %d concurrent clients, %.0f s: %,.0f requests/s, mean latency %.1f ms ---%n",
                    concurrency, duration.toNanos() / 1e9, rate, latencyNanos.get() / 1e6 / Math.max(1, count.get()));
            return rate;
        }
    }

    private static void seed(JdbcTemplate jdbc, int recipients) {
        long t0 = System.nanoTime();
        jdbc.update("DELETE FROM oa_follower WHERE openid LIKE 'bench-%'");
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        List<Object[]> batch = new ArrayList<>();
        for (int i = 0; i < recipients; i++) {
            batch.add(new Object[] {String.format("%s%06d", FOLLOWER, i), now, now});
            if (batch.size() == 5_000 || i == recipients - 1) {
                jdbc.batchUpdate("INSERT INTO oa_follower (openid, subscribed, subscribed_at, updated_at) VALUES (?, TRUE, ?, ?)",
                        batch);
                batch.clear();
            }
        }
        System.out.printf("%n%,d followers seeded in %.1f s%n", recipients, (System.nanoTime() - t0) / 1e9);
    }

    /** Every run starts from empty delivery tables (rows of an earlier, interrupted run would be sent at start). */
    private static void clearDeliveryTables(String url) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, "root", "")) {
            String schema = connection.getCatalog();
            if (schema == null || !schema.contains("bench")) {
                throw new IllegalStateException("Refusing to clear schema '" + schema + "': its name must contain 'bench'");
            }
            try (Statement statement = connection.createStatement()) {
                try (ResultSet tables = statement.executeQuery(
                        "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'delivery'")) {
                    tables.next();
                    if (tables.getInt(1) == 0) {
                        return;
                    }
                }
                for (String table : List.of("delivery", "delivery_message", "inbox_item", "subscribe_opt_in", "push_attachment",
                        "push_message", "oa_follower")) {
                    statement.execute("TRUNCATE TABLE " + table);
                }
            }
        }
    }

    private static Process startStub(int port, int secondPort) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx512m", "-XX:+UseParallelGC", "-cp", System.getProperty("java.class.path"),
                WechatStub.class.getName(), String.valueOf(port), String.valueOf(secondPort)).redirectErrorStream(true).start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (int listening = 0; listening < 2; ) {
            String line = out.readLine();
            if (line == null) {
                throw new IllegalStateException("the WeChat stub did not start");
            }
            System.out.println(line);
            listening += line.startsWith("WechatStub listening") ? 1 : 0;
        }
        Thread drain = new Thread(() -> out.lines().forEach(System.out::println), "stub-output");
        drain.setDaemon(true);
        drain.start();
        return process;
    }

    /** The same application in a JVM of its own (also -Xmx256m), against the same database, Redis and stub (its own port). */
    private static Process startSecondInstance(ConfigurableApplicationContext context, List<String> appArgs, String stubUrl)
            throws Exception {
        int port = freePort();
        List<String> overrides = new ArrayList<>(List.of("--server.port=" + port, "--wechat.api-base-url=" + stubUrl,
                "--wechat.token-key-prefix=" + context.getEnvironment().getProperty("wechat.token-key-prefix"),
                "--logging.level.root=WARN", "--material.cleanup-interval=PT24H"));
        overrides.addAll(appArgs);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseG1GC", "-Xlog:gc:file=target/bench-second-instance-gc.log", "-cp",
                System.getProperty("java.class.path"), FilingPlatformApplication.class.getName()));
        command.addAll(List.of(ExternalSettings.asArguments(context.getEnvironment(), overrides.toArray(String[]::new))));
        command.remove("--server.port=0");
        File log = Path.of("target", "bench-second-instance.log").toFile();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the second instance stopped; see " + log);
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).body().contains("\"UP\"")) {
                    System.out.printf("%nsecond instance up (pid %d, port %d)%n", process.pid(), port);
                    return process;
                }
            } catch (java.io.IOException notYet) {
                // starting
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the second instance did not start; see " + log);
            }
            Thread.sleep(500);
        }
    }

    // --- heap: what is left after each garbage collection, over time ---

    private static void watchHeap() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    return;
                }
                var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                long after = info.getGcInfo().getMemoryUsageAfterGc().values().stream()
                        .filter(usage -> usage != null).mapToLong(MemoryUsage::getUsed).sum();
                // non-heap pools (metaspace, code cache) are not in the GC info's heap pools; subtract them
                long nonHeap = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                        .filter(e -> isNonHeap(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
                synchronized (GC_LOG) {
                    GC_LOG.add(new Long[] {System.currentTimeMillis(), after - nonHeap});
                }
            }, null, null);
        }
    }

    private static boolean isNonHeap(String pool) {
        return pool.contains("Metaspace") || pool.contains("Code") || pool.contains("Class") || pool.contains("CodeHeap");
    }

    private static long lastHeapAfterGc() {
        synchronized (GC_LOG) {
            return GC_LOG.isEmpty() ? 0 : GC_LOG.get(GC_LOG.size() - 1)[1];
        }
    }

    /** Heap after GC since {@code sinceMillis}: number of GCs, min / max, and max per fifth of the period (flat or growing). */
    private static String heapSummary(long sinceMillis) {
        List<Long[]> samples;
        synchronized (GC_LOG) {
            samples = GC_LOG.stream().filter(s -> s[0] >= sinceMillis).toList();
        }
        if (samples.isEmpty()) {
            return "no GC";
        }
        long from = samples.get(0)[0];
        long to = samples.get(samples.size() - 1)[0] + 1;
        long[] fifths = new long[5];
        for (Long[] s : samples) {
            int index = (int) Math.min(4, (s[0] - from) * 5 / (to - from));
            fifths[index] = Math.max(fifths[index], s[1]);
        }
        return String.format("heap after GC (%d GCs): min %d MB, max %d MB; max per fifth of the time %s MB",
                samples.size(), samples.stream().mapToLong(s -> s[1]).min().orElse(0) >> 20,
                samples.stream().mapToLong(s -> s[1]).max().orElse(0) >> 20,
                Arrays.stream(fifths).mapToObj(v -> String.valueOf(v >> 20)).toList());
    }

    /** The second instance's -Xlog:gc lines ("[12.3s]… Pause Young … 120M->40M(256M)") within a window of its uptime. */
    private static String gcLogSummary(Path log, double[] window) throws Exception {
        if (!Files.exists(log) || window == null) {
            return "no GC log";
        }
        var pattern = java.util.regex.Pattern.compile("^\\[(\\d+\\.\\d+)s\\].*->(\\d+)M\\((\\d+)M\\)");
        List<Long> after = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            var m = pattern.matcher(line);
            if (m.find() && Double.parseDouble(m.group(1)) >= window[0] && Double.parseDouble(m.group(1)) <= window[1]) {
                after.add(Long.parseLong(m.group(2)));
            }
        }
        if (after.isEmpty()) {
            return "no GC";
        }
        int n = after.size();
        int fifth = Math.max(1, n / 5);
        List<Long> perFifth = new ArrayList<>();
        for (int from = 0; from < n; from += fifth) {
            perFifth.add(after.subList(from, Math.min(n, from + fifth)).stream().mapToLong(Long::longValue).max().orElse(0));
        }
        return String.format("heap after GC (%d GCs): min %d MB, max %d MB; max per fifth of the GCs %s MB", n,
                after.stream().mapToLong(Long::longValue).min().orElse(0), after.stream().mapToLong(Long::longValue).max().orElse(0),
                perFifth.subList(0, Math.min(5, perFifth.size())));
    }

    private static double uptimeSeconds(Process process) {
        return process.info().startInstant().map(start -> Duration.between(start, java.time.Instant.now()).toMillis() / 1e3)
                .orElse(0.0);
    }

    private static long cpuMillis(Process process) {
        return process.info().totalCpuDuration().map(Duration::toMillis).orElse(0L);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
