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
 * Registry list/filter latency at a million filings in ten counties (100,000 each), for the city office, a reviewer
 * bound to one county and the city office drilling down to that county, side by side; the dashboard for each; and a
 * 100,000-row export under a 256 MB heap.
 * Run with {@code app-server/bench/registry-benchmark.sh} (see docs/performance.md); not part of the tests.
 */
public final class RegistryBenchmark {

    private static final String ADMIN_PASSWORD = "Bench-Admin-2026";
    /** The county of the county-bound reviewer and of the drill-down: 睢县, with its real township names. */
    private static final String COUNTY = "411422";
    private static final String REVIEWER = "bench-suixian";

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

            if (Boolean.getBoolean("bench.generate-only")) {
                return;
            }
            ConsoleClient admin = new ConsoleClient(port);
            if (admin.login("admin", ADMIN_PASSWORD).status() != 200) {
                throw new IllegalStateException("cannot sign in as admin: was filing_bench created with another password?");
            }
            ConsoleClient reviewer = countyReviewer(port, admin);
            // the same requests from three callers, side by side: the city office over all ten counties (the baseline),
            // a reviewer bound to 睢县 (narrowed by CountyScopeInterceptor) and the city office drilling down to 睢县
            List<Caller> callers = List.of(new Caller("city", admin, ""), new Caller("county", reviewer, ""),
                    new Caller("drill-down", admin, "&county=" + COUNTY));
            Map<String, String> scenarios = new LinkedHashMap<>();
            scenarios.put("first page, newest first", "/api/console/registry?page=1&size=20");
            scenarios.put("status = SUBMITTED", "/api/console/registry?status=SUBMITTED&size=20");
            scenarios.put("township", "/api/console/registry?township=" + enc("蓼堤镇") + "&size=20");
            scenarios.put("status + township", "/api/console/registry?status=APPROVED&township=" + enc("周堂镇") + "&size=20");
            scenarios.put("text prefix (name)", "/api/console/registry?text=" + enc("水城北湖") + "&size=20");
            scenarios.put("text prefix (filing no.)", "/api/console/registry?text=" + COUNTY + "-2020-0&size=20");
            scenarios.put("text prefix (WeChat ID)", "/api/console/registry?text=wxb12345&size=20");
            scenarios.put("subject prefix (unit name)", "/api/console/registry?subject=" + enc("睢县单位12") + "&size=20");
            scenarios.put("overdue, by due date", "/api/console/registry?overdue=true&sort=dueOn&size=20");
            scenarios.put("sorted by account name", "/api/console/registry?sort=accountName&size=20");
            scenarios.put("page 200", "/api/console/registry?page=200&size=20");
            scenarios.put("review queue", "/api/console/review/queue?size=20");
            for (int i = 0; i < 50; i++) {
                for (String path : scenarios.values()) {
                    callers.forEach(caller -> caller.get(path));
                }
            }
            Map<String, List<Double>> all = new LinkedHashMap<>();
            callers.forEach(caller -> all.put(caller.name(), new ArrayList<>()));
            System.out.println();
            System.out.println("| request | city p50 | city p95 | city p99 | county p50 | county p95 | county p99 "
                    + "| drill-down p95 | county/city p95 | rows city / county |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|");
            for (var scenario : scenarios.entrySet()) {
                Map<String, double[]> times = measure(scenario.getKey(), scenario.getValue(), callers, requests);
                times.forEach((caller, t) -> Arrays.stream(t).forEach(all.get(caller)::add));
                row(scenario.getKey(), times, totals(scenario.getValue(), callers));
            }
            Map<String, double[]> overall = new LinkedHashMap<>();
            all.forEach((caller, t) -> overall.put(caller, t.stream().mapToDouble(Double::doubleValue).sorted().toArray()));
            row("**all %,d requests per caller**".formatted(overall.get("city").length), overall, "");

            int dashboards = Integer.getInteger("bench.dashboard-requests", 30);
            System.out.println();
            System.out.println("| dashboard | p50 ms | p95 ms | p99 ms | counties in byCounty |");
            System.out.println("|---|---|---|---|---|");
            List<Caller> dashboardCallers = List.of(new Caller("city office, all counties", admin, ""),
                    new Caller("city office, ?county=411421", admin, "?county=411421"),
                    new Caller("reviewer bound to " + COUNTY, reviewer, ""));
            for (int i = 0; i < 3; i++) {
                dashboardCallers.forEach(caller -> caller.get("/api/console/dashboard"));
            }
            Map<String, double[]> dashboardTimes = measure("dashboard", "/api/console/dashboard", dashboardCallers, dashboards);
            for (Caller caller : dashboardCallers) {
                double[] t = dashboardTimes.get(caller.name());
                Object byCounty = caller.get("/api/console/dashboard").get("byCounty");
                System.out.printf("| %s | %.1f | %.1f | %.1f | %d |%n", caller.name(), pct(t, 50), pct(t, 95), pct(t, 99),
                        byCounty instanceof List<?> list ? list.size() : -1);
            }

            exportBenchmark(admin);
        } finally {
            context.close();
        }
    }

    /** A signed-in console client and what it appends to every request (a drill-down's county). */
    private record Caller(String name, ConsoleClient client, String suffix) {

        ConsoleClient.Answer get(String path) {
            String url = suffix.startsWith("&") && !path.contains("?") ? path + "?" + suffix.substring(1) : path + suffix;
            var answer = client.get(url);
            if (answer.status() != 200) {
                throw new IllegalStateException(name + " " + url + " answered " + answer.status() + " " + answer.body());
            }
            return answer;
        }
    }

    /** The county reviewer (created by the city's administrator the first time, as the console does). */
    private static ConsoleClient countyReviewer(int port, ConsoleClient admin) {
        ConsoleClient reviewer = new ConsoleClient(port);
        if (reviewer.login(REVIEWER, ADMIN_PASSWORD).status() != 200) {
            var created = admin.post("/api/console/admin/staff", Map.of("username", REVIEWER, "displayName", "睢县审核员（基准测试）",
                    "password", ADMIN_PASSWORD, "roles", List.of("REVIEWER"), "scopeCode", COUNTY));
            if (created.status() != 201 || reviewer.login(REVIEWER, ADMIN_PASSWORD).status() != 200) {
                throw new IllegalStateException("cannot create the county reviewer: " + created.status() + " " + created.body());
            }
        }
        return reviewer;
    }

    /** Every caller in turn for each request, so that the machine's load falls on all of them alike. */
    private static Map<String, double[]> measure(String scenario, String path, List<Caller> callers, int requests) {
        Map<String, double[]> times = new LinkedHashMap<>();
        callers.forEach(caller -> times.put(caller.name(), new double[requests]));
        for (int i = 0; i < requests; i++) {
            for (Caller caller : callers) {
                long t0 = System.nanoTime();
                caller.get(path);
                times.get(caller.name())[i] = (System.nanoTime() - t0) / 1e6;
            }
        }
        times.values().forEach(Arrays::sort);
        return times;
    }

    private static String totals(String path, List<Caller> callers) {
        return callers.subList(0, 2).stream().map(caller -> caller.get(path))
                .map(answer -> answer.get("total") + (Boolean.TRUE.equals(answer.get("totalCapped")) ? "+" : ""))
                .reduce((a, b) -> a + " / " + b).orElseThrow();
    }

    private static void row(String name, Map<String, double[]> times, String totals) {
        double[] city = times.get("city");
        double[] county = times.get("county");
        System.out.printf("| %s | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.2f | %s |%n", name, pct(city, 50),
                pct(city, 95), pct(city, 99), pct(county, 50), pct(county, 95), pct(county, 99),
                pct(times.get("drill-down"), 95), pct(county, 95) / pct(city, 95), totals);
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
