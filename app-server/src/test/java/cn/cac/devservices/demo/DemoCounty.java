package cn.cac.devservices.demo;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import cn.cac.gzh.console.ConsoleBootstrap;
import cn.cac.gzh.storage.ObjectStorage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The living demo county of local mode (docs/demo.md): once the service is ready, and only if the county has no demo
 * staff yet, it is filled in the background ({@link DemoSeeding}) while the banner shows the demo staff's passwords.
 * A second start with the same data folder finds the demo staff and adds nothing.
 */
public final class DemoCounty implements ApplicationListener<ApplicationReadyEvent> {

    /** The titles of the finished and the running policy push. */
    public static final String FINISHED_PUSH = DemoPushes.FINISHED;
    public static final String RUNNING_PUSH = DemoPushes.RUNNING;
    /** The title of the push scheduled for the next morning. */
    public static final String SCHEDULED_PUSH = DemoPushes.SCHEDULED;

    private static final Logger log = LoggerFactory.getLogger(DemoCounty.class);
    /** The marker: the demo staff exist (created first; their passwords are shown once). */
    private static final String MARKER = "SELECT COUNT(*) FROM staff_user WHERE username = 'demo-admin'";

    private final ApplicationContext context;
    private final JdbcTemplate jdbc;
    private Plan plan;
    private CompletableFuture<Boolean> seeding;

    /** What this start does: seed with these staff, or nothing, and why. */
    private record Plan(List<DemoStaff> staff, String adminPassword, String skipped) {
    }

    DemoCounty(ApplicationContext context, JdbcTemplate jdbc) {
        this.context = context;
        this.jdbc = jdbc;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (event.getApplicationContext() != context) {
            return;
        }
        start();
    }

    /** Starts the seeding in the background if this start is to seed (once per context). */
    public synchronized CompletableFuture<Boolean> start() {
        if (seeding == null) {
            Plan current = plan();
            seeding = current.staff().isEmpty() ? CompletableFuture.completedFuture(false)
                    : CompletableFuture.supplyAsync(() -> seed(current), runnable -> {
                        Thread thread = new Thread(runnable, "demo-county");
                        thread.setDaemon(true);
                        thread.start();
                    });
        }
        return seeding;
    }

    /** Waits for the background seeding; true if it filled the county, false if there was nothing to do. */
    public boolean awaitSeeded(Duration timeout) throws TimeoutException, InterruptedException {
        try {
            return start().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Demo data failed", e.getCause());
        }
    }

    /** Seeds now unless the county already has its demo data; true if it seeded. */
    public boolean seedIfEmpty() {
        Plan fresh = decide();
        return !fresh.staff().isEmpty() && seed(fresh);
    }

    /** The demo staff's user names and passwords by role label, if this start creates them (else empty). */
    public synchronized java.util.Map<String, String> staffPasswords() {
        java.util.Map<String, String> passwords = new java.util.LinkedHashMap<>();
        plan().staff().forEach(s -> passwords.put(s.username(), s.password()));
        return passwords;
    }

    /** The banner's lines: the demo staff and their passwords (first start only), or why there is no demo data. */
    public synchronized List<String> bannerLines() {
        Plan current = plan();
        if (!current.staff().isEmpty()) {
            return current.staff().stream().map(s -> "Demo %s (shown once): %s / %s".formatted(s.role().label(),
                    s.username(), s.password())).toList();
        }
        return List.of("Demo data: " + current.skipped() + " (docs/demo.md)");
    }

    private synchronized Plan plan() {
        if (plan == null) {
            plan = decide();
        }
        return plan;
    }

    private Plan decide() {
        if (jdbc.queryForObject(MARKER, Long.class) > 0) {
            return new Plan(List.of(), null, "the demo county is in place (to start over: delete app-server/.devservices/)");
        }
        Optional<String> password = context.getBean(ConsoleBootstrap.class).generatedAdminPassword()
                .or(() -> Optional.ofNullable(context.getEnvironment().getProperty("console.bootstrap-admin-password")));
        if (password.isEmpty()) {
            return new Plan(List.of(), null,
                    "not created, the administrator's password is unknown (delete app-server/.devservices/ to start over)");
        }
        return new Plan(DemoStaff.generate(), password.get(), null);
    }

    private boolean seed(Plan current) {
        int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port", "8080"));
        Clock clock = context.getBean(Clock.class);
        DemoMaterials materials = new DemoMaterials(context.getBean(ObjectStorage.class), jdbc, clock);
        try {
            new DemoSeeding(port, current.adminPassword(), current.staff(), jdbc, materials, clock).run();
            return true;
        } catch (RuntimeException e) {
            log.error("Demo data could not be created completely: {} (delete app-server/.devservices/ to start over)",
                    e.getMessage());
            throw e;
        }
    }
}
