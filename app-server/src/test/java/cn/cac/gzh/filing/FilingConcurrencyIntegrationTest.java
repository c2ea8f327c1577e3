package cn.cac.gzh.filing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.cac.testsupport.FilingForms;
import cn.cac.testsupport.IntegrationTest;
import cn.cac.testsupport.MaterialUploads;
import cn.cac.testsupport.MiniApi;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Numbering and optimistic locking under real concurrency, on the real database. */
@IntegrationTest
class FilingConcurrencyIntegrationTest {

    private static final int FILINGS = 24;

    @LocalServerPort
    int port;
    @Autowired
    FilingReview review;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void parallelApprovalsGetDistinctGapFreeNumbers() throws Exception {
        MiniApi api = MiniApi.on(port);
        String token = api.loginWithConsent("numbers-" + UUID.randomUUID()).accessToken();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < FILINGS; i++) {
            var created = api.post("/api/mini/filings", token, FilingForms.unitForm(FilingForms.newOriginalId()));
            new MaterialUploads(api).completeChecklist(token, created.id(), "UNIT");
            var submitted = api.post("/api/mini/filings/" + created.id() + "/submit", token, Map.of("version", created.version()));
            assertThat(submitted.get("status")).isEqualTo("SUBMITTED");
            ids.add(created.id());
        }

        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> numbers = new ArrayList<>();
        for (long id : ids) {
            numbers.add(pool.submit(() -> {
                start.await();
                return review.approve(id, 1);
            }));
        }
        start.countDown();
        List<String> allocated = new ArrayList<>();
        for (Future<String> number : numbers) {
            allocated.add(number.get());
        }
        pool.shutdown();

        assertThat(allocated).hasSize(FILINGS).doesNotHaveDuplicates().allMatch(n -> n.matches("411422-\\d{4}-\\d{5}"));
        List<Integer> sequence = allocated.stream().map(n -> Integer.parseInt(n.substring(n.lastIndexOf('-') + 1)))
                .sorted().toList();
        assertThat(sequence.get(sequence.size() - 1) - sequence.get(0)).as("no gaps").isEqualTo(FILINGS - 1);
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT filing_number) FROM filing WHERE filing_number IS NOT NULL",
                Integer.class)).isEqualTo(jdbc.queryForObject(
                "SELECT COUNT(*) FROM filing WHERE filing_number IS NOT NULL", Integer.class));
    }

    @Test
    void twoConcurrentEditsOfTheSameVersionCannotBothWin() throws Exception {
        MiniApi api = MiniApi.on(port);
        String token = api.loginWithConsent("locking-" + UUID.randomUUID()).accessToken();
        String originalId = FilingForms.newOriginalId();
        var created = api.post("/api/mini/filings", token, FilingForms.unitForm(originalId));
        int version = created.version();

        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<MiniApi.Response>> edits = new ArrayList<>();
        for (String name : List.of("编辑甲", "编辑乙")) {
            Map<String, Object> form = FilingForms.unitForm(originalId);
            FilingForms.section(form, "account").put("name", name);
            edits.add(pool.submit(() -> {
                start.await();
                return api.put("/api/mini/filings/" + created.id(), token, Map.of("version", version, "form", form));
            }));
        }
        start.countDown();
        MiniApi.Response first = edits.get(0).get();
        MiniApi.Response second = edits.get(1).get();
        pool.shutdown();

        assertThat(List.of(first.status(), second.status())).containsExactlyInAnyOrder(200, 409);
        MiniApi.Response winner = first.status() == 200 ? first : second;
        MiniApi.Response loser = first.status() == 200 ? second : first;
        assertThat(loser.code()).isEqualTo("VERSION_CONFLICT");
        var stored = api.get("/api/mini/filings/" + created.id(), token);
        assertThat(stored.version()).isEqualTo(version + 1);
        assertThat(FilingForms.section(stored.map("form"), "account").get("name"))
                .isEqualTo(FilingForms.section(winner.map("form"), "account").get("name"));

        // a client that read an old version is told so, and nothing changes
        var stale = api.put("/api/mini/filings/" + created.id(), token,
                Map.of("version", version, "form", FilingForms.unitForm(originalId)));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.code()).isEqualTo("VERSION_CONFLICT");
        assertThat(api.get("/api/mini/filings/" + created.id(), token).version()).isEqualTo(version + 1);
    }

    @Test
    void concurrentFilingsOfTheSameAccountByTwoOperatorsLeaveOne() throws Exception {
        MiniApi api = MiniApi.on(port);
        String originalId = FilingForms.newOriginalId();
        List<String> tokens = List.of(api.loginWithConsent("race-a-" + UUID.randomUUID()).accessToken(),
                api.loginWithConsent("race-b-" + UUID.randomUUID()).accessToken());

        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<MiniApi.Response>> attempts = new ArrayList<>();
        for (String token : tokens) {
            attempts.add(pool.submit(() -> {
                start.await();
                return api.post("/api/mini/filings", token, FilingForms.unitForm(originalId));
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<MiniApi.Response> attempt : attempts) {
            statuses.add(attempt.get().status());
        }
        pool.shutdown();

        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM filing WHERE account_original_id = ?", Integer.class,
                originalId)).isEqualTo(1);
    }

    @Test
    void anApprovalRacingARevocationLeavesOneConsistentOutcome() throws Exception {
        MiniApi api = MiniApi.on(port);
        String token = api.loginWithConsent("decide-" + UUID.randomUUID()).accessToken();
        var created = api.post("/api/mini/filings", token, FilingForms.unitForm(FilingForms.newOriginalId()));
        new MaterialUploads(api).completeChecklist(token, created.id(), "UNIT");
        var submitted = api.post("/api/mini/filings/" + created.id() + "/submit", token, Map.of("version", created.version()));

        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        Future<Object> approve = pool.submit(() -> {
            start.await();
            try {
                return review.approve(created.id(), 1);
            } catch (RuntimeException e) {
                return e;
            }
        });
        Future<MiniApi.Response> revoke = pool.submit(() -> {
            start.await();
            return api.post("/api/mini/filings/" + created.id() + "/revoke", token,
                    Map.of("version", submitted.version(), "reason", "公众号已注销"));
        });
        start.countDown();
        Object approval = approve.get();
        MiniApi.Response revocation = revoke.get();
        pool.shutdown();

        var stored = api.get("/api/mini/filings/" + created.id(), token);
        boolean approved = approval instanceof String;
        boolean revoked = revocation.status() == 200;
        assertThat(approved ^ revoked).as("exactly one of the two decisions wins").isTrue();
        assertThat(stored.get("status")).isEqualTo(approved ? "APPROVED" : "REVOKED");
        assertThat(stored.version()).isEqualTo(submitted.version() + 1);
    }
}
