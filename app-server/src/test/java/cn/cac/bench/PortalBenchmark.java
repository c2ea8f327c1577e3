package cn.cac.bench;

import java.net.URI;
import java.nio.file.Files;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import cn.cac.devservices.DevServicesInitializer;
import cn.cac.devservices.WechatSimulator;
import cn.cac.gzh.FilingPlatformApplication;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Encrypted text messages to the official-account portal on loopback, de-duplication on (every
 * message has its own MsgId, so each one is claimed in Redis and its reply stored there).
 * Run with {@code app-server/bench/portal-benchmark.sh}; results in docs/performance.md.
 */
public final class PortalBenchmark {

    private PortalBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int requests = Integer.getInteger("bench.requests", 30_000);
        int concurrency = Integer.getInteger("bench.concurrency", 32);
        String compare = System.getProperty("bench.compare-rate-limit", "");
        if (!compare.isBlank()) {
            compareRateLimit(Arrays.asList(compare.split(",")), requests, concurrency);
            return;
        }
        ConfigurableApplicationContext context = start(true);
        try {
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            PortalRequests factory = new PortalRequests(port);
            if (Boolean.getBoolean("bench.wrk")) {
                wrk(factory, port, requests, concurrency);
                return;
            }
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            run(http, factory.prepare(Math.min(5_000, requests)), concurrency, new double[Math.min(5_000, requests)]);
            // what WeChat's servers do (seal and sign) is prepared before the clock starts
            List<HttpRequest> prepared = factory.prepare(requests);
            double[] latencies = new double[requests];
            long t0 = System.nanoTime();
            int failures = run(http, prepared, concurrency, latencies);
            double seconds = (System.nanoTime() - t0) / 1e9;
            Arrays.sort(latencies);
            System.out.printf("%nportal: %,d encrypted text messages, %d concurrent, %.1f s: %.0f requests/s; "
                            + "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms; failures %d%n", requests, concurrency, seconds,
                    requests / seconds, pct(latencies, 50), pct(latencies, 95), pct(latencies, 99),
                    latencies[latencies.length - 1], failures);
        } finally {
            context.close();
        }
    }

    private static ConfigurableApplicationContext start(boolean rateLimited) {
        String url = System.getProperty("bench.jdbc-url",
                "jdbc:mysql://127.0.0.1:3306/filing_bench_portal?createDatabaseIfNotExist=true");
        SpringApplication application = new SpringApplication(FilingPlatformApplication.class);
        application.addInitializers(new DevServicesInitializer());
        return application.run("--server.port=0", "--spring.datasource.url=" + url,
                "--spring.datasource.username=root", "--spring.datasource.password=", "--logging.level.root=WARN",
                "--wechat.mp.callback-max-age=0", "--rate-limit.enabled=" + rateLimited,
                // every request comes from 127.0.0.1: the per-address limit is raised out of reach, but still counted
                "--rate-limit.limits.portal.requests=1000000000");
    }

    /**
     * The cost of the per-client rate limit (a Bucket4j bucket in Redis per request): services with the
     * limit {@code on} and {@code off} measured with wrk in alternating rounds of the same run (the
     * machine is shared: absolute figures drift, the ratio holds), e.g. {@code off,on,off,on}.
     */
    private static void compareRateLimit(List<String> rounds, int requests, int connections) throws Exception {
        java.util.Map<String, List<Double>> rates = new java.util.TreeMap<>();
        List<String> all = new ArrayList<>(List.of("warm-up"));
        all.addAll(rounds);
        for (String round : all) {
            // the first service of the JVM runs cold whatever its setting: a round of its own, not counted
            boolean counted = !"warm-up".equals(round);
            boolean on = !counted || "on".equals(round.strip());
            ConfigurableApplicationContext context = start(on);
            try {
                int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
                PortalRequests factory = new PortalRequests(port);
                String output = wrk(factory, port, requests, connections).get("measured");
                double rate = Double.parseDouble(output.replaceAll("(?s).*Requests/sec:\\s*([0-9.]+).*", "$1"));
                String p99 = output.replaceAll("(?s).*\\s99%\\s+(\\S+).*", "$1");
                System.out.printf("round rate-limit %s: %.0f requests/s, p99 %s%s%n", on ? "on" : "off", rate, p99,
                        counted ? "" : " (JVM warm-up, not counted)");
                if (!counted) {
                    continue;
                }
                rates.computeIfAbsent(on ? "on" : "off", k -> new ArrayList<>()).add(rate);
            } finally {
                context.close();
            }
        }
        double off = rates.getOrDefault("off", List.of()).stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double on = rates.getOrDefault("on", List.of()).stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        System.out.printf("%nportal rate limit: off %.0f requests/s, on %.0f requests/s (means of %s), on/off = %.2f%n",
                off, on, rates, on / off);
    }

    private static int run(HttpClient http, List<HttpRequest> requests, int concurrency, double[] latencies) throws Exception {
        int count = requests.size();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    HttpRequest request = requests.get(i);
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 200 || !response.body().contains("<Encrypt>")) {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                    latencies[i] = (System.nanoTime() - start) / 1e6;
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        return failures.get();
    }

    /** Load from a separate process (wrk), so the client does not share the JVM with the service. */
    private static java.util.Map<String, String> wrk(PortalRequests factory, int port, int requests, int connections)
            throws Exception {
        // separate messages for warm-up and measurement: a replayed message would be a (cheap) duplicate
        java.nio.file.Path warmUp = write(factory, "portal-warmup.txt", 60_000);
        java.nio.file.Path measured = write(factory, "portal-requests.txt", requests);
        String seconds = System.getProperty("bench.seconds", "20");
        java.util.Map<String, String> outputs = new java.util.HashMap<>();
        for (var round : List.of(java.util.Map.entry("warm-up", warmUp), java.util.Map.entry("measured", measured))) {
            Process wrk = new ProcessBuilder("wrk", "-t2", "-c" + connections,
                    "-d" + (round.getKey().equals("warm-up") ? "5" : seconds) + "s", "--latency", "-s", "bench/portal.lua",
                    "http://127.0.0.1:" + port, "--", round.getValue().toString(), "2")
                    .redirectErrorStream(true).start();
            String output = new String(wrk.getInputStream().readAllBytes());
            wrk.waitFor();
            System.out.println("=== wrk " + round.getKey() + " (" + Files.lines(round.getValue()).count() + " distinct messages) ===");
            System.out.println(output);
            outputs.put(round.getKey(), output);
        }
        return outputs;
    }

    private static java.nio.file.Path write(PortalRequests factory, String name, int count) throws Exception {
        java.nio.file.Path file = java.nio.file.Path.of("target", name);
        try (var out = Files.newBufferedWriter(file)) {
            for (int i = 0; i < count; i++) {
                String[] line = factory.line();
                out.write(line[0] + "\t" + line[1] + "\n");
            }
        }
        return file;
    }

    private static double pct(double[] sorted, int percentile) {
        return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1))];
    }

    /** Encrypted, signed callbacks with unique MsgIds, made as WeChat's servers make them. */
    static final class PortalRequests {
        private final String base;
        private final cn.cac.gzh.officialaccount.internal.BenchmarkCrypto crypto = new cn.cac.gzh.officialaccount.internal.BenchmarkCrypto(
                WechatSimulator.MP_TOKEN, WechatSimulator.MP_AES_KEY, WechatSimulator.MP_APP_ID);
        private final AtomicInteger ids = new AtomicInteger();
        private String lastEncrypted;

        PortalRequests(int port) {
            this.base = "http://127.0.0.1:" + port + "/wechat/portal/" + WechatSimulator.MP_APP_ID;
        }

        /** {path?query, body} of one sealed callback. */
        String[] line() {
            HttpRequest request = next();
            String body = "<xml><Encrypt><![CDATA[" + lastEncrypted + "]]></Encrypt></xml>";
            return new String[] {request.uri().getRawPath() + "?" + request.uri().getRawQuery(), body};
        }

        List<HttpRequest> prepare(int count) {
            List<HttpRequest> requests = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                requests.add(next());
            }
            return requests;
        }

        HttpRequest next() {
            int id = ids.incrementAndGet();
            String xml = "<xml><ToUserName><![CDATA[gh_office]]></ToUserName><FromUserName><![CDATA[bench-" + (id % 500)
                    + "]]></FromUserName><CreateTime>" + Instant.now().getEpochSecond()
                    + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[备案]]></Content><MsgId>"
                    + (System.nanoTime() + id) + "</MsgId></xml>";
            String encrypted = crypto.encrypt(xml);
            lastEncrypted = encrypted;
            String ts = String.valueOf(Instant.now().getEpochSecond());
            String signature = crypto.sign(ts, "bench" + id, encrypted);
            return HttpRequest.newBuilder(URI.create(base + "?encrypt_type=aes&msg_signature=" + signature + "&timestamp=" + ts
                            + "&nonce=bench" + id))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "text/xml")
                    .POST(HttpRequest.BodyPublishers.ofString("<xml><Encrypt><![CDATA[" + encrypted + "]]></Encrypt></xml>"))
                    .build();
        }
    }
}
