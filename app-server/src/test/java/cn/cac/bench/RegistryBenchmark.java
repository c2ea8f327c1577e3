package cn.cac.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import cn.cac.devservices.DevServicesInitializer;
import cn.cac.gzh.FilingPlatformApplication;
import cn.cac.gzh.common.pii.PersonalDataCipher;
import cn.cac.testsupport.ConsoleClient;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Registry list/filter latency at a million filings, and a 100,000-row export under a 256 MB heap.
 * Run with {@code app-server/bench/registry-benchmark.sh} (see docs/performance.md); not part of the tests.
 */
public final class RegistryBenchmark {

    private static final String ADMIN_PASSWORD = "Bench-Admin-2026";

    private RegistryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long rows = Long.getLong("bench.rows", 1_000_000);
        int requests = Integer.getInteger("bench.requests", 300);
        String url = System.getProperty("bench.jdbc-url",
                "jdbc:mysql://127.0.0.1:3306/filing_bench?createDatabaseIfNotExist=true");

        SpringApplication application = new SpringApplication(FilingPlatformApplication.class);
        application.addInitializers(new DevServicesInitializer());
        ConfigurableApplicationContext context = application.run("--server.port=0", "--spring.datasource.url=" + url,
                "--spring.datasource.username=root", "--spring.datasource.password=",
                "--console.bootstrap-admin-password=" + ADMIN_PASSWORD, "--logging.level.root=WARN",
                "--material.cleanup-interval=PT24H");
        try {
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            FilingGenerator generator = new FilingGenerator(context.getBean(DataSource.class), context.getBean(PersonalDataCipher.class));
            long started = System.nanoTime();
            generator.generate(rows);
            System.out.printf("filings in the database: %,d (generation took %.0f s)%n", generator.count(),
                    (System.nanoTime() - started) / 1e9);

            ConsoleClient admin = new ConsoleClient(port);
            if (admin.login("admin", ADMIN_PASSWORD).status() != 200) {
                throw new IllegalStateException("cannot sign in as admin: was filing_bench created with another password?");
            }
            Map<String, String> scenarios = new LinkedHashMap<>();
            scenarios.put("first page, newest first", "/api/console/registry?page=1&size=20");
            scenarios.put("status = SUBMITTED", "/api/console/registry?status=SUBMITTED&size=20");
            scenarios.put("township", "/api/console/registry?township=" + enc("蓼堤镇") + "&size=20");
            scenarios.put("status + township", "/api/console/registry?status=APPROVED&township=" + enc("周堂镇") + "&size=20");
            scenarios.put("text prefix (name)", "/api/console/registry?text=" + enc("水城北湖") + "&size=20");
            scenarios.put("text prefix (filing no.)", "/api/console/registry?text=411422-B-0012&size=20");
            scenarios.put("text prefix (WeChat ID)", "/api/console/registry?text=wxb12345&size=20");
            scenarios.put("subject prefix (unit name)", "/api/console/registry?subject=" + enc("睢县单位12") + "&size=20");
            scenarios.put("overdue, by due date", "/api/console/registry?overdue=true&sort=dueOn&size=20");
            scenarios.put("sorted by account name", "/api/console/registry?sort=accountName&size=20");
            scenarios.put("page 200", "/api/console/registry?page=200&size=20");
            scenarios.put("review queue", "/api/console/review/queue?size=20");
            for (int i = 0; i < 50; i++) {
                scenarios.values().forEach(admin::get);
            }
            List<Double> all = new ArrayList<>();
            System.out.println();
            System.out.println("| request | p50 ms | p95 ms | p99 ms | total rows |");
            System.out.println("|---|---|---|---|---|");
            for (var scenario : scenarios.entrySet()) {
                double[] times = new double[requests];
                Object total = null;
                for (int i = 0; i < requests; i++) {
                    long t0 = System.nanoTime();
                    var answer = admin.get(scenario.getValue());
                    times[i] = (System.nanoTime() - t0) / 1e6;
                    if (answer.status() != 200) {
                        throw new IllegalStateException(scenario.getKey() + " answered " + answer.status());
                    }
                    total = answer.get("total") + (Boolean.TRUE.equals(answer.get("totalCapped")) ? "+" : "");
                }
                Arrays.sort(times);
                Arrays.stream(times).forEach(all::add);
                System.out.printf("| %s | %.1f | %.1f | %.1f | %s |%n", scenario.getKey(), pct(times, 50), pct(times, 95),
                        pct(times, 99), total);
            }
            double[] overall = all.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf("| **all %,d requests** | %.1f | %.1f | %.1f | |%n", overall.length, pct(overall, 50),
                    pct(overall, 95), pct(overall, 99));

            exportBenchmark(admin);
        } finally {
            context.close();
        }
    }

    private static void exportBenchmark(ConsoleClient admin) throws InterruptedException {
        System.gc();
        long before = heapUsed();
        resetPeaks();
        long t0 = System.nanoTime();
        var started = admin.post("/api/console/admin/exports", Map.of("kind", "REGISTRY", "status", "REJECTED"));
        String id = (String) started.get("id");
        long peak = 0;
        String status = "RUNNING";
        Object written = 0;
        while ("RUNNING".equals(status)) {
            Thread.sleep(100);
            peak = Math.max(peak, heapUsed());
            var progress = admin.get("/api/console/admin/exports/" + id);
            status = (String) progress.get("status");
            written = progress.get("rowsWritten");
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.println();
        System.out.printf("export: status=%s rows=%s in %.1f s; max heap %d MB; heap used before %d MB, sampled peak %d MB, "
                        + "pool peak %d MB%n", status, written, seconds, Runtime.getRuntime().maxMemory() >> 20, before >> 20,
                peak >> 20, poolPeaks() >> 20);
        if (!"DONE".equals(status)) {
            throw new IllegalStateException("export did not finish");
        }
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long poolPeaks() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static double pct(double[] sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
