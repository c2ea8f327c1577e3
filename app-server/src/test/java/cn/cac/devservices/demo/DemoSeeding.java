package cn.cac.devservices.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.cac.devservices.demo.DemoFiling.Outcome;
import cn.cac.gzh.console.StaffRole;
import cn.cac.testsupport.ConsoleClient;
import cn.cac.testsupport.MiniApi;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fills the demo county through the service's own API, as its people would: the first administrator creates the
 * demo staff; operators sign in through the WeChat simulator, accept the privacy notice, file their accounts and hand
 * them in; the reviewer approves (numbers come from the service) or sends back with a reason and registers paper
 * forms; operators withdraw closed accounts; the administrator records enforcement and runs the reminder scan; the
 * publisher sends two policy pushes that operators read. Only the materials are written directly
 * ({@link DemoMaterials}).
 */
final class DemoSeeding {

    private static final Logger log = LoggerFactory.getLogger(DemoSeeding.class);
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final String[] REJECTIONS = {"身份证照片不清晰，请重新拍摄上传（演示）", "单位名称与营业执照不一致，请核对后修改（演示）",
            "未上传加盖公章的登记表扫描件，请补充（演示）", "公众号原始ID填写有误，请核对（演示）", "管理员联系电话无法接通，请更正（演示）"};

    private final int port;
    private final String adminPassword;
    private final List<DemoStaff> staff;
    private final JdbcTemplate jdbc;
    private final DemoMaterials materials;
    private final Clock clock;
    private final MiniApi mini;
    private final Map<Integer, MiniApi.Session> operators = new ConcurrentHashMap<>();

    DemoSeeding(int port, String adminPassword, List<DemoStaff> staff, JdbcTemplate jdbc, DemoMaterials materials, Clock clock) {
        this.port = port;
        this.adminPassword = adminPassword;
        this.staff = staff;
        this.jdbc = jdbc;
        this.materials = materials;
        this.clock = clock;
        this.mini = MiniApi.on(port);
    }

    /** Runs every step; throws if the service refuses one. */
    void run() {
        long started = System.nanoTime();
        ConsoleClient bootstrap = signIn("admin", adminPassword);
        for (DemoStaff user : staff) {
            expect(bootstrap.post("/api/console/admin/staff", user.request()), "create " + user.username());
        }
        ConsoleClient admin = signIn(StaffRole.ADMIN);
        ConsoleClient reviewer = signIn(StaffRole.REVIEWER);
        ConsoleClient publisher = signIn(StaffRole.PUBLISHER);

        List<String> townships = jdbc.queryForList(
                "SELECT name FROM region_township WHERE county_code = ? ORDER BY sort_order, id", String.class, DemoStaff.COUNTY);
        LocalDate today = LocalDate.now(clock.withZone(BEIJING));
        List<DemoFiling> plan = DemoFiling.plan(townships, today);
        Map<Integer, Long> ids = new ConcurrentHashMap<>();
        inParallel(plan, filing -> ids.put(filing.n(), file(filing)));
        inParallel(plan, filing -> decide(filing, ids.get(filing.n()), reviewer));
        enforce(plan, ids, admin, today);
        expect(admin.post("/api/console/admin/reminder-rules/run", Map.of()), "run reminders");
        new DemoPushes(publisher, mini).send(operators);
        log.info("Demo county seeded: {} filings of 睢县, staff {}, in {} ms", plan.size(),
                staff.stream().map(DemoStaff::username).toList(), (System.nanoTime() - started) / 1_000_000);
    }

    private ConsoleClient signIn(StaffRole role) {
        DemoStaff user = staff.stream().filter(s -> s.role() == role).findFirst().orElseThrow();
        return signIn(user.username(), user.password());
    }

    private ConsoleClient signIn(String username, String password) {
        ConsoleClient console = new ConsoleClient(port);
        expect(console.login(username, password), "sign in " + username);
        return console;
    }

    /** The operator's part: sign in, consent, draft, materials, hand in. Returns the filing's id. */
    private long file(DemoFiling filing) {
        MiniApi.Session session = operator(filing.n() / 2);
        MiniApi.Response created = mini.post("/api/mini/filings", session.accessToken(), filing.form());
        expect(created.status() == 201, created, "create filing " + filing.n());
        if (filing.handedIn()) {
            materials.fileChecklist(filing, created.id(), session.operatorId());
            MiniApi.Response submitted = mini.post("/api/mini/filings/" + created.id() + "/submit", session.accessToken(),
                    Map.of("version", created.version()));
            expect(submitted.status() == 200, submitted, "submit filing " + filing.n());
        }
        return created.id();
    }

    private MiniApi.Session operator(int number) {
        // two accounts per operator; the code is the simulator's: openid sim-openid-demo-operator-007
        return operators.computeIfAbsent(number, k -> mini.loginWithConsent("demo-operator-%03d".formatted(k)));
    }

    /** The reviewer's decision, and the operator's withdrawal of a closed account. */
    private void decide(DemoFiling filing, long id, ConsoleClient reviewer) {
        String path = "/api/console/review/filings/" + id;
        switch (filing.outcome()) {
            case APPROVED, APPROVED_PAPER, REVOKED -> expect(reviewer.post(path + "/approve", Map.of()), "approve " + id);
            case REJECTED -> expect(reviewer.post(path + "/reject",
                    Map.of("text", REJECTIONS[filing.n() % REJECTIONS.length])), "reject " + id);
            default -> {
                return;
            }
        }
        if (filing.outcome() == Outcome.APPROVED_PAPER) {
            expect(reviewer.post(path + "/paper-received", Map.of()), "paper " + id);
        }
        if (filing.outcome() == Outcome.REVOKED) {
            MiniApi.Session session = operator(filing.n() / 2);
            MiniApi.Response current = mini.get("/api/mini/filings/" + id, session.accessToken());
            MiniApi.Response revoked = mini.post("/api/mini/filings/" + id + "/revoke", session.accessToken(),
                    Map.of("version", current.version(), "reason", "公众号已注销（演示）"));
            expect(revoked.status() == 200, revoked, "revoke " + id);
        }
    }

    /** Notice §4.3: what the office did about overdue and closed accounts. */
    private void enforce(List<DemoFiling> plan, Map<Integer, Long> ids, ConsoleClient admin, LocalDate today) {
        int overdue = 0;
        int closed = 0;
        for (DemoFiling filing : plan) {
            String path = "/api/console/admin/enforcement/filings/" + ids.get(filing.n());
            if (filing.outcome() == Outcome.DRAFT_OVERDUE && overdue < 12) {
                String action = new String[] {"PHONE_URGED", "WRITTEN_NOTICE", "REPORTED_TO_PLATFORM"}[overdue % 3];
                expect(admin.post(path, Map.of("action", action, "actedOn", today.minusDays(overdue % 5).toString(),
                        "note", "逾期未备案，已按通知第四条处置（演示）")), "enforce " + filing.n());
                overdue++;
            } else if (filing.outcome() == Outcome.REVOKED && closed < 4) {
                expect(admin.post(path, Map.of("action", closed % 2 == 0 ? "CLOSED" : "SUSPENDED", "actedOn", today.toString(),
                        "note", "公众号已注销，备案撤销（演示）")), "enforce " + filing.n());
                closed++;
            }
        }
    }

    /** Four at a time, as several people would work: the service's answers wait on the database, not on the CPU. */
    static <T> void inParallel(java.util.Collection<T> items, java.util.function.Consumer<T> step) {
        ExecutorService pool = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "demo-county-worker");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> step.accept(item)));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    static void expect(ConsoleClient.Answer answer, String what) {
        if (answer.status() / 100 != 2) {
            throw new IllegalStateException("Demo data: " + what + " answered " + answer.status() + " " + answer.body());
        }
    }

    static void expect(boolean ok, MiniApi.Response response, String what) {
        if (!ok) {
            throw new IllegalStateException("Demo data: " + what + " answered " + response.status() + " " + response.body());
        }
    }
}
