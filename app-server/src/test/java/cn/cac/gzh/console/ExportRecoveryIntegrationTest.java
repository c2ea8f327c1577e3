package cn.cac.gzh.console;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import cn.cac.testsupport.ConsoleClient;
import cn.cac.testsupport.IntegrationTest;
import cn.cac.testsupport.SmallLimitsIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Export jobs end as FAILED with a reason when their instance died or the line was full, never RUNNING forever. */
@SmallLimitsIntegrationTest
class ExportRecoveryIntegrationTest {

    private static ConsoleClient admin;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    @Qualifier("exportExecutor")
    Executor exportExecutor;

    @BeforeEach
    void signIn() {
        // once per class: the test context's sign-in limits are tiny
        if (admin == null) {
            admin = new ConsoleClient(port);
            assertThat(admin.login("admin", IntegrationTest.ADMIN_PASSWORD).status()).isEqualTo(200);
        }
    }

    @Test
    void aRunningJobWhoseInstanceStoppedBeatingIsFailedByTheSweepWithTheReason() {
        String id = "deadbeef".repeat(4);
        jdbc.update("""
                INSERT INTO export_job (id, kind, requested_by, full_id_numbers, status, owner, updated_at, total_rows,
                                        rows_written, file_name, created_at)
                VALUES (?, 'REGISTRY', 1, FALSE, 'RUNNING', 'gone-host:8080#0badf00d', UTC_TIMESTAMP(3) - INTERVAL 1 HOUR,
                        5000, 1000, 'x.xlsx', UTC_TIMESTAMP(3) - INTERVAL 1 HOUR)""", id);
        // a job of a live instance (fresh heartbeat) is left alone
        String alive = "a11ce000".repeat(4);
        jdbc.update("""
                INSERT INTO export_job (id, kind, requested_by, full_id_numbers, status, owner, updated_at, file_name, created_at)
                VALUES (?, 'REGISTRY', 1, FALSE, 'RUNNING', 'live-host:8080#00000001', UTC_TIMESTAMP(3), 'y.xlsx', UTC_TIMESTAMP(3))""",
                alive);

        await().atMost(Duration.ofSeconds(10)).until(() -> "FAILED".equals(admin.get("/api/console/admin/exports/" + id).get("status")));
        var failed = admin.get("/api/console/admin/exports/" + id);
        assertThat(failed.get("error")).isEqualTo("导出因服务重启中断，请重新导出");
        assertThat(jdbc.queryForObject("SELECT finished_at IS NOT NULL FROM export_job WHERE id = ?", Boolean.class, id)).isTrue();
        assertThat(admin.get("/api/console/admin/exports/" + alive).get("status")).isEqualTo("RUNNING");
        jdbc.update("DELETE FROM export_job WHERE id = ?", alive);
    }

    @Test
    void anExportRefusedByAFullQueueIsFailedAtOnceAndAnswered503() throws Exception {
        // the context's export pool: one thread, one place in line; both taken
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        exportExecutor.execute(() -> {
            running.countDown();
            waitFor(release);
        });
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
        exportExecutor.execute(() -> waitFor(release));
        try {
            Integer before = jdbc.queryForObject("SELECT COUNT(*) FROM export_job", Integer.class);
            var refused = admin.post("/api/console/admin/exports", Map.of("kind", "REGISTRY"));

            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.code()).isEqualTo("EXPORT_BUSY");
            assertThat(refused.get("message")).isEqualTo("当前导出任务较多，请稍后再试");
            assertThat(refused.raw().headers().firstValue("Retry-After")).isPresent();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM export_job", Integer.class)).isEqualTo(before + 1);
            String id = jdbc.queryForObject("SELECT id FROM export_job ORDER BY created_at DESC LIMIT 1", String.class);
            var job = admin.get("/api/console/admin/exports/" + id);
            assertThat(job.get("status")).isEqualTo("FAILED");
            assertThat(job.get("error")).isEqualTo("当前导出任务较多，请稍后再试");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM export_job WHERE status = 'RUNNING'", Integer.class)).isZero();
        } finally {
            release.countDown();
        }
        // with room again, an export runs to the end
        var started = admin.post("/api/console/admin/exports", Map.of("kind", "REGISTRY"));
        assertThat(started.status()).isEqualTo(202);
        String id = (String) started.get("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> "DONE".equals(admin.get("/api/console/admin/exports/" + id).get("status")));
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
