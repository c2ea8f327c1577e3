package cn.cac.gzh.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import cn.cac.gzh.common.db.RetryingTransactions;
import cn.cac.testsupport.Burst;
import cn.cac.testsupport.IntegrationTest;
import cn.cac.testsupport.MiniApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Deadlocks are retried away; a database that stays busy is a 503 with Retry-After, never a 500. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class TransientDatabaseFailureIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    RetryingTransactions transactions;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aDeadlockVictimIsRetriedAndBothTransactionsComplete() {
        jdbc.update("DELETE FROM filing_number_sequence WHERE year = 1999");
        jdbc.update("INSERT INTO filing_number_sequence (county_code, year, last_value) VALUES ('999001', 1999, 0), ('999002', 1999, 0)");
        CyclicBarrier bothHoldOneRow = new CyclicBarrier(2);
        AtomicInteger attempts = new AtomicInteger();

        List<String> order = List.of("999001,999002", "999002,999001");
        List<Integer> done = Burst.values(Burst.of(2, i -> transactions.execute("deadlock-test", () -> {
            String[] rows = order.get(i).split(",");
            boolean first = attempts.incrementAndGet() <= 2;
            bump(rows[0]);
            if (first) {
                await(bothHoldOneRow);
            }
            bump(rows[1]);
            return i;
        })));

        assertThat(done).containsExactlyInAnyOrder(0, 1);
        assertThat(attempts.get()).as("two first attempts and one retry of the deadlock's victim").isEqualTo(3);
        assertThat(jdbc.queryForList("SELECT last_value FROM filing_number_sequence WHERE year = 1999", Integer.class))
                .containsExactly(2, 2);
        jdbc.update("DELETE FROM filing_number_sequence WHERE year = 1999");
    }

    @Test
    void aPoolWithoutFreeConnectionsAnswers503WithRetryAfterAndChangesNothing(CapturedOutput output) throws Exception {
        String code = "starved-" + UUID.randomUUID().toString().substring(0, 8);
        MiniApi.Session known = MiniApi.on(port).login("starved-known-" + UUID.randomUUID().toString().substring(0, 8));
        String requestId = "req-" + UUID.randomUUID().toString().substring(0, 8);

        HttpResponse<String> login;
        HttpResponse<String> authenticated;
        List<Connection> held = holdEveryConnection();
        try {
            login = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/mini/auth/login"))
                    .header("Content-Type", "application/json").header("X-Request-Id", requestId)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + code + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            // the bearer-token check itself needs the database: answered the same way from the filter
            authenticated = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/mini/filings"))
                    .header("Authorization", "Bearer " + known.accessToken()).GET().build(), HttpResponse.BodyHandlers.ofString());
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }

        for (HttpResponse<String> busy : List.of(login, authenticated)) {
            assertThat(busy.statusCode()).isEqualTo(503);
            assertThat(busy.headers().firstValue("Retry-After")).hasValue("2");
            assertThat(busy.body()).contains("\"code\":\"DATABASE_BUSY\"").contains("当前办理人数较多，请稍后再试");
        }
        assertThat(login.headers().firstValue("X-Request-Id")).hasValue(requestId);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM account_operator WHERE openid = ?", Integer.class,
                "sim-openid-" + code)).as("nothing written").isZero();
        assertThat(output.getOut()).contains("WARN").contains("requestId=" + requestId).contains("DATABASE_BUSY")
                .doesNotContain("Unhandled error");

        // once connections are free again the same request succeeds
        assertThat(MiniApi.on(port).post("/api/mini/auth/login", null, java.util.Map.of("code", code)).status()).isEqualTo(200);
    }

    /** Takes every connection of the application's pool (waiting for those in use by background work). */
    private List<Connection> holdEveryConnection() throws SQLException {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        List<Connection> held = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (held.size() < pool.getMaximumPoolSize() && System.nanoTime() < deadline) {
            try {
                held.add(pool.getConnection());
            } catch (SQLException stillInUse) {
                // background work holds one for a moment; ask again
            }
        }
        assertThat(held).hasSize(pool.getMaximumPoolSize());
        return held;
    }

    private void bump(String countyCode) {
        jdbc.update("UPDATE filing_number_sequence SET last_value = last_value + 1 WHERE county_code = ? AND year = 1999",
                countyCode);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
