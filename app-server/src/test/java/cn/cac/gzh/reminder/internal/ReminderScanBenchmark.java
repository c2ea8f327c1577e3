package cn.cac.gzh.reminder.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import cn.cac.bench.BenchFilings;
import cn.cac.devservices.DevServicesInitializer;
import cn.cac.gzh.FilingPlatformApplication;
import cn.cac.testsupport.SettableClock;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.util.AopTestUtils;

/**
 * One daily reminder scan over a registry of 1,000,000 filings (every rule on, yearly re-confirmation
 * included), side by side with the naive alternative that reads every filing and decides in Java:
 * time and rows the database read (the session's Handler_read_* deltas: the pool holds one connection,
 * and the application's other jobs are off, so every read counted is the scan's).
 * Run with app-server/bench/reminder-benchmark.sh; figures in docs/performance.md.
 */
public final class ReminderScanBenchmark {

    private ReminderScanBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long rows = Long.getLong("bench.rows", 1_000_000);
        int rounds = Integer.getInteger("bench.rounds", 5);
        String url = System.getProperty("bench.jdbc-url", "jdbc:mysql://127.0.0.1:3306/filing_bench?createDatabaseIfNotExist=true");
        // a day in the middle of the generated registry (openings 2015 … 2025), 10:00 in Beijing
        SettableClock clock = new SettableClock(Instant.EPOCH);
        clock.setBeijing(LocalDateTime.of(2020, 6, 15, 10, 0));

        SpringApplication application = new SpringApplication(FilingPlatformApplication.class);
        application.addInitializers(new DevServicesInitializer(), context -> ((GenericApplicationContext) context)
                .registerBean("settableClock", SettableClock.class, () -> clock, definition -> definition.setPrimary(true)));
        ConfigurableApplicationContext context = application.run("--server.port=0", "--spring.datasource.url=" + url,
                "--spring.datasource.username=root", "--spring.datasource.password=", "--logging.level.root=WARN",
                "--console.bootstrap-admin-password=Bench-Admin-2026", "--material.cleanup-interval=PT24H",
                "--reminder.jobs-enabled=false", "--delivery.worker-enabled=false", "--push.expansion-interval=1h",
                "--events.resubmit-interval=1h", "--spring.datasource.hikari.maximum-pool-size=1");
        try {
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            long started = System.nanoTime();
            BenchFilings.generate(context, rows);
            System.out.printf("filings: %,d (generation %.0f s); approved: %,d%n", count(jdbc, "1 = 1"),
                    (System.nanoTime() - started) / 1e9, count(jdbc, "status = 'APPROVED'"));
            jdbc.update("UPDATE reminder_rule SET enabled = TRUE");
            ReminderScan scan = AopTestUtils.getUltimateTargetObject(context.getBean(ReminderScan.class));
            LocalDate today = LocalDate.of(2020, 6, 15);

            System.out.println();
            System.out.println("| round | scan ms | scan rows read | notices written | naive ms | naive rows read | time ratio | rows ratio |");
            System.out.println("|---|---|---|---|---|---|---|---|");
            for (int round = 1; round <= rounds; round++) {
                jdbc.update("DELETE FROM filing_notice WHERE kind = 'REMINDER'");
                jdbc.update("DELETE FROM staff_digest");
                long readsBefore = handlerReads(jdbc);
                long t0 = System.nanoTime();
                Integer candidates = scan.scan();
                double scanMs = (System.nanoTime() - t0) / 1e6;
                long scanReads = handlerReads(jdbc) - readsBefore;
                long written = count(jdbc, "1 = 1", "filing_notice WHERE kind = 'REMINDER' AND ");

                long naiveBefore = handlerReads(jdbc);
                long t1 = System.nanoTime();
                long naiveDue = naiveScan(jdbc, today);
                double naiveMs = (System.nanoTime() - t1) / 1e6;
                long naiveReads = handlerReads(jdbc) - naiveBefore;
                System.out.printf("| %d | %.0f | %,d | %,d (of %,d candidates) | %.0f | %,d | %.1f× | %.0f× |%n", round, scanMs, scanReads,
                        written, candidates, naiveMs, naiveReads, naiveMs / scanMs, (double) naiveReads / scanReads);
                if (naiveDue < written / 2) {
                    System.out.printf("  (naive found %,d due)%n", naiveDue);
                }
            }
        } finally {
            context.close();
        }
    }

    /** What a scan without the date indexes does: read every filing, decide in Java which is due today. */
    private static long naiveScan(JdbcTemplate jdbc, LocalDate today) {
        long[] due = {0};
        jdbc.query(con -> {
            var statement = con.prepareStatement("SELECT id, status, opened_on, due_on, decided_at FROM filing",
                    java.sql.ResultSet.TYPE_FORWARD_ONLY, java.sql.ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(Integer.MIN_VALUE);
            return statement;
        }, rs -> {
            String status = rs.getString(2);
            LocalDate opened = rs.getObject(3, LocalDate.class);
            LocalDate dueOn = rs.getObject(4, LocalDate.class);
            LocalDateTime decided = rs.getObject(5, LocalDateTime.class);
            boolean unfinished = "DRAFT".equals(status) || "REJECTED".equals(status);
            if (unfinished && dueOn != null && (dueOn.equals(today.minusDays(1)) || dueOn.equals(today.plusDays(3))
                    || dueOn.equals(today.plusDays(1)))) {
                due[0]++;
            } else if (unfinished && opened != null && (opened.equals(today.minusDays(7)) || opened.equals(today.minusDays(20))
                    || opened.equals(today.minusDays(27)))) {
                due[0]++;
            } else if (decided != null && ("REJECTED".equals(status) || "APPROVED".equals(status))) {
                LocalDate day = decided.atOffset(ZoneOffset.UTC).toLocalDate();
                if (day.equals(today.minusDays(3)) || day.equals(today.minusDays(7))
                        || ("APPROVED".equals(status) && day.getDayOfYear() == today.getDayOfYear())) {
                    due[0]++;
                }
            }
        });
        return due[0];
    }

    private static long count(JdbcTemplate jdbc, String where) {
        return count(jdbc, where, "filing WHERE ");
    }

    private static long count(JdbcTemplate jdbc, String where, String from) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + from + where, Long.class);
    }

    /** Rows the pool's one connection has read through any index or table scan. */
    private static long handlerReads(JdbcTemplate jdbc) {
        return jdbc.query("SHOW SESSION STATUS LIKE 'Handler_read%'", rs -> {
            long sum = 0;
            while (rs.next()) {
                sum += rs.getLong(2);
            }
            return sum;
        });
    }
}
