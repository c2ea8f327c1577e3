package cn.cac.gzh;

import static org.awaitility.Awaitility.await;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import cn.cac.testsupport.Burst;
import cn.cac.testsupport.ConsoleClient;
import cn.cac.testsupport.FilingForms;
import cn.cac.testsupport.IntegrationTest;
import cn.cac.testsupport.MaterialUploads;
import cn.cac.testsupport.MiniApi;
import cn.cac.testsupport.TestFiles;
import cn.cac.testsupport.WechatSimulatorClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The morning a campaign opens and the office posts the mini-program in its WeChat group: many
 * operators at the same instant, each doing only their own thing, against the real database. Every
 * write path that creates or updates a row is driven by a burst here; none may answer 500.
 */
@IntegrationTest
class CampaignMorningBurstIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    /** The event listeners' threads (common.EventListenerExecution). */
    @Autowired
    @Qualifier("taskExecutor")
    ThreadPoolTaskExecutor listenerPool;
    @Value("${wechat.api-base-url}")
    String wechatBaseUrl;

    @Test
    void aHundredSimultaneousFirstLoginsGiveAHundredOperators() {
        MiniApi api = MiniApi.on(port);
        String run = "first-" + shortId();

        List<MiniApi.Response> first = Burst.values(Burst.of(100, i -> login(api, run + "-" + i)));
        assertThat(statuses(first)).as("statuses of 100 first logins").isEqualTo(Map.of(200, 100));
        assertThat(operators(run)).isEqualTo(100);

        // the same hundred again at once: logins of known operators, still one row each
        List<MiniApi.Response> again = Burst.values(Burst.of(100, i -> login(api, run + "-" + i)));
        assertThat(statuses(again)).as("statuses of 100 repeated logins").isEqualTo(Map.of(200, 100));
        assertThat(operators(run)).isEqualTo(100);
        assertThat(again.stream().map(r -> r.get("operatorId")).distinct()).hasSize(100);
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM account_session s JOIN account_operator o ON o.id = s.operator_id
                WHERE o.openid LIKE ?""", Integer.class, "sim-openid-" + run + "-%")).isEqualTo(200);
    }

    @Test
    void simultaneousRefreshesRotateEachTokenExactlyOnce() {
        MiniApi api = MiniApi.on(port);
        String run = "refresh-" + shortId();
        List<MiniApi.Session> sessions = Burst.values(Burst.of(25, i -> api.login(run + "-" + i)));

        // each refresh token sent twice at the same instant (a retrying client): one rotation each
        List<MiniApi.Response> answers = Burst.values(Burst.of(50, i -> api.post("/api/mini/auth/refresh", null,
                Map.of("refreshToken", sessions.get(i % 25).refreshToken()))));
        assertThat(statuses(answers)).isEqualTo(Map.of(200, 25, 401, 25));
        assertThat(answers.stream().filter(r -> r.status() == 401).map(MiniApi.Response::code).distinct().toList())
                .containsExactly("REFRESH_TOKEN_INVALID");
    }

    @Test
    void fiftyOperatorsRunTheWholeJourneyAtOnceAndFiftyApprovalsLand() {
        MiniApi api = MiniApi.on(port);
        MaterialUploads uploads = new MaterialUploads(api);
        String run = "journey-" + shortId();

        List<Burst.Outcome<Long>> outcomes = Burst.of(50, i -> journey(api, uploads, run + "-" + i));
        List<String> failures = outcomes.stream().filter(o -> !o.succeeded()).map(o -> String.valueOf(o.error().getMessage()))
                .toList();
        assertThat(failures).as("journeys that failed").isEmpty();
        List<Long> filingIds = Burst.values(outcomes);

        String ids = filingIds.stream().map(String::valueOf).collect(Collectors.joining(","));
        assertThat(jdbc.queryForList("SELECT DISTINCT status FROM filing WHERE id IN (" + ids + ")", String.class))
                .containsExactly("SUBMITTED");
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM account_operator WHERE openid LIKE ? AND phone = '13912345678'""", Integer.class,
                "sim-openid-" + run + "-%")).as("operators with the phone bound").isEqualTo(50);
        // exactly one current file per checklist item, although the licence was replaced twice at once
        List<Map<String, Object>> current = jdbc.queryForList("""
                SELECT filing_id, material_type, COUNT(*) AS files FROM material_file
                WHERE filing_id IN (%s) AND superseded_at IS NULL GROUP BY filing_id, material_type""".formatted(ids));
        assertThat(current).hasSize(50 * MaterialUploads.UNIT_CHECKLIST.size())
                .allSatisfy(row -> assertThat(((Number) row.get("files")).intValue()).isEqualTo(1));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM material_file WHERE filing_id IN (" + ids + ")", Integer.class))
                .as("six items plus two licence replacements per filing").isEqualTo(50 * 8);

        // fifty reviewers' clicks at once: every filing approved, fifty distinct consecutive numbers
        long listenedBefore = listenerPool.getThreadPoolExecutor().getCompletedTaskCount();
        ConsoleClient admin = new ConsoleClient(port);
        assertThat(admin.login("admin", IntegrationTest.ADMIN_PASSWORD).status()).isEqualTo(200);
        List<ConsoleClient.Answer> approvals = Burst.values(Burst.of(50, i ->
                admin.post("/api/console/review/filings/" + filingIds.get(i) + "/approve", null)));
        Map<Integer, Long> approvalStatuses = approvals.stream().collect(Collectors.groupingBy(ConsoleClient.Answer::status,
                TreeMap::new, Collectors.counting()));
        assertThat(approvalStatuses).isEqualTo(Map.of(200, 50L));
        List<Integer> sequence = approvals.stream().map(a -> (String) a.get("filingNumber"))
                .map(n -> Integer.parseInt(n.substring(n.lastIndexOf('-') + 1))).sorted().toList();
        assertThat(sequence).doesNotHaveDuplicates();
        assertThat(sequence.get(49) - sequence.get(0)).as("consecutive numbers").isEqualTo(49);

        // every approval's notice, from listeners on the bounded pool (not a new thread per event)
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM filing_notice WHERE kind = 'REVIEW_RESULT' AND filing_id IN (" + ids + ")", Integer.class) == 50);
        await().atMost(Duration.ofSeconds(30)).until(() -> listenerPool.getThreadPoolExecutor().getCompletedTaskCount()
                - listenedBefore >= 50);
        assertThat(listenerPool.getMaxPoolSize()).isEqualTo(4);
    }

    @Test
    void aSlowWechatDoesNotStallOtherRequests() throws Exception {
        WireMock simulator = WechatSimulatorClient.connect(wechatBaseUrl);
        StubMapping slow = simulator.register(get(urlPathEqualTo("/sns/jscode2session"))
                .withQueryParam("js_code", matching("slow-.*")).atPriority(1)
                .willReturn(aResponse().withFixedDelay(3000).withHeader("Content-Type", "application/json")
                        .withBody("{\"openid\":\"sim-openid-{{request.query.js_code}}\",\"session_key\":\"c2ltLXNlc3Npb24ta2V5IQ==\"}")
                        .withTransformers("response-template")));
        MiniApi api = MiniApi.on(port);
        String run = "slow-" + shortId();
        try {
            // warm up the paths measured (threads, connections, JIT) so the figures are about the burst, not a cold start
            Burst.values(Burst.of(50, i -> login(api, "warm-" + run + "-" + i)));
            for (int i = 0; i < 50; i++) {
                assertThat(api.get("/api/mini/office", null).status()).isEqualTo(200);
            }
            AtomicBoolean burstRunning = new AtomicBoolean(true);
            List<Long> probeMillis = Collections.synchronizedList(new ArrayList<>());
            List<Integer> probeStatuses = Collections.synchronizedList(new ArrayList<>());
            Thread probe = new Thread(() -> {
                while (burstRunning.get()) {
                    long start = System.nanoTime();
                    probeStatuses.add(api.get("/api/mini/office", null).status());
                    probeMillis.add((System.nanoTime() - start) / 1_000_000);
                    sleep(5);
                }
            }, "office-probe");
            probe.start();
            List<Long> loginMillis = Collections.synchronizedList(new ArrayList<>());
            List<MiniApi.Response> logins = Burst.values(Burst.of(50, i -> {
                long start = System.nanoTime();
                MiniApi.Response answer = login(api, run + "-" + i);
                loginMillis.add((System.nanoTime() - start) / 1_000_000);
                return answer;
            }));
            burstRunning.set(false);
            probe.join();
            System.out.printf("[burst] 50 logins against a 3 s WeChat: login median %d ms; office probes %d, median %d ms, "
                    + "p99 %d ms, max %d ms%n", loginMillis.stream().sorted().toList().get(25), probeMillis.size(),
                    probeMillis.stream().sorted().toList().get(probeMillis.size() / 2),
                    probeMillis.stream().sorted().toList().get((int) Math.ceil(probeMillis.size() * 0.99) - 1),
                    probeMillis.stream().max(Long::compare).orElse(0L));

            List<Long> sorted = probeMillis.stream().sorted().toList();
            long p99 = sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1);
            assertThat(sorted.size()).as("probes during a burst of at least 3 s").isGreaterThanOrEqualTo(50);
            assertThat(p99).as("p99 of GET /api/mini/office in ms during the burst (%d probes, median %d ms, max %d ms, statuses %s)",
                    sorted.size(), sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1),
                    probeStatuses.stream().distinct().toList()).isLessThan(200);
            assertThat(probeStatuses).as("office information during the burst").containsOnly(200);
            assertThat(statuses(logins)).as("statuses of 50 logins against a 3 s WeChat").isEqualTo(Map.of(200, 50));
            assertThat(operators(run)).isEqualTo(50);
        } finally {
            simulator.removeStubMapping(slow);
        }
    }

    @Test
    void campaignsCreatedAtOnceUnderOneNameKeepTheirOwnIds() {
        ConsoleClient admin = new ConsoleClient(port);
        assertThat(admin.login("admin", IntegrationTest.ADMIN_PASSWORD).status()).isEqualTo(200);
        String name = "同名集中备案-" + shortId();
        List<ConsoleClient.Answer> created = Burst.values(Burst.of(10, i -> admin.post("/api/console/admin/campaigns",
                Map.of("name", name, "startsOn", "1990-01-0" + (i % 9 + 1), "endsOn", "1990-02-01"))));
        assertThat(created).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(201));
        List<Long> ids = created.stream().map(a -> ((Number) a.get("id")).longValue()).toList();
        assertThat(ids).doesNotHaveDuplicates();
        // each answer names the campaign it created
        for (int i = 0; i < ids.size(); i++) {
            assertThat(jdbc.queryForObject("SELECT starts_on FROM filing_campaign WHERE id = ?", String.class, ids.get(i)))
                    .isEqualTo(created.get(i).get("startsOn"));
        }
        ids.forEach(id -> assertThat(admin.send("DELETE", "/api/console/admin/campaigns/" + id).status()).isEqualTo(204));
    }

    /** Login → consent → phone → draft → six uploads (the licence replaced twice at the same instant) → submit. */
    private static long journey(MiniApi api, MaterialUploads uploads, String code) {
        String token = api.loginWithConsent(code).accessToken();
        MiniApi.Response phone = api.post("/api/mini/me/phone", token, Map.of("code", "phone-13912345678"));
        if (phone.status() != 200) {
            throw new IllegalStateException("phone binding refused: " + phone);
        }
        MiniApi.Response created = api.post("/api/mini/filings", token, FilingForms.unitForm(FilingForms.newOriginalId()));
        if (created.status() != 201) {
            throw new IllegalStateException("draft refused: " + created);
        }
        uploads.completeChecklist(token, created.id(), "UNIT");
        Burst.values(Burst.of(2, i -> uploads.upload(token, created.id(), "LICENCE", TestFiles.jpeg(), "licence-" + i + ".jpg",
                "image/jpeg")));
        MiniApi.Response submitted = api.post("/api/mini/filings/" + created.id() + "/submit", token,
                Map.of("version", created.version()));
        if (submitted.status() != 200) {
            throw new IllegalStateException("submission refused: " + submitted);
        }
        return created.id();
    }

    private static MiniApi.Response login(MiniApi api, String code) {
        return api.post("/api/mini/auth/login", null, Map.of("code", code));
    }

    private int operators(String run) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM account_operator WHERE openid LIKE ?", Integer.class,
                "sim-openid-" + run + "-%");
    }

    private static Map<Integer, Integer> statuses(List<MiniApi.Response> answers) {
        return answers.stream().collect(Collectors.groupingBy(MiniApi.Response::status, TreeMap::new,
                Collectors.collectingAndThen(Collectors.counting(), Long::intValue)));
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
