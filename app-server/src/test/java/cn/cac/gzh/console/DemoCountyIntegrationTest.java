package cn.cac.gzh.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import cn.cac.devservices.DevServicesInitializer;
import cn.cac.devservices.demo.DemoConfiguration;
import cn.cac.devservices.demo.DemoCounty;
import cn.cac.gzh.common.identifiers.ResidentIdNumbers;
import cn.cac.gzh.common.pii.PersonalDataCipher;
import cn.cac.gzh.storage.ObjectStorage;
import cn.cac.testsupport.ConsoleClient;
import cn.cac.testsupport.IntegrationTest;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo county as the run command fills it (the same {@link DemoConfiguration}, switched on by default, seeding in
 * the background once the service is ready): every state with plausible counts, well-formed numbers, the demo staff
 * signing in with the banner's passwords, 样例 materials in the bucket, a finished and a running push with receipts,
 * reminders and review-result notices, nothing added by a second run, and nothing at all with the switch off.
 */
@IntegrationTest
@Import(DemoConfiguration.class)
// a database, bucket and simulator of its own, like a fresh run command: the other tests neither see its 300 filings
// nor add to its counts
@TestPropertySource(properties = DevServicesInitializer.PRIVATE_TWINS + "=true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoCountyIntegrationTest {

    private static final Pattern NUMBER = Pattern.compile("411422-\\d{4}-\\d{5}");

    @LocalServerPort
    int port;
    @Autowired
    DemoCounty demo;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectStorage storage;
    @Autowired
    PersonalDataCipher cipher;

    @BeforeAll
    void seeded() throws Exception {
        assertThat(demo.awaitSeeded(Duration.ofMinutes(3))).as("the first start seeds").isTrue();
    }

    @Test
    void everyStateIsThereWithPlausibleCounts() {
        Map<String, Long> byStatus = countBy("SELECT status, COUNT(*) FROM filing WHERE county_code = '411422' GROUP BY status");
        assertThat(byStatus).containsEntry("DRAFT", 50L).containsEntry("SUBMITTED", 40L).containsEntry("APPROVED", 165L)
                .containsEntry("REJECTED", 25L).containsEntry("REVOKED", 20L);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assertThat(count("SELECT COUNT(*) FROM filing WHERE status IN ('DRAFT', 'REJECTED') AND due_on < ?", today))
                .isBetween(25L, 40L);
        assertThat(count("SELECT COUNT(*) FROM filing WHERE status = 'REJECTED' AND rejection_reason LIKE '%（演示）'")).isEqualTo(25);
        assertThat(count("SELECT COUNT(*) FROM filing WHERE status = 'REVOKED' AND revocation_reason IS NOT NULL")).isEqualTo(20);
        assertThat(count("SELECT COUNT(*) FROM filing WHERE paper_received_at IS NOT NULL")).isEqualTo(60);
        assertThat(count("SELECT COUNT(*) FROM filing_enforcement")).isEqualTo(16);
        // across the county's townships and subject types
        assertThat(count("SELECT COUNT(DISTINCT township) FROM filing")).isEqualTo(
                count("SELECT COUNT(*) FROM region_township WHERE county_code = '411422'"));
        assertThat(countBy("SELECT COALESCE(unit_type, form_type), COUNT(*) FROM filing GROUP BY COALESCE(unit_type, form_type)"))
                .containsKeys("INDIVIDUAL", "TOWNSHIP", "ORGAN", "ENTERPRISE", "INSTITUTION", "SOCIAL_GROUP", "COMPANY",
                        "STATIONED_UNIT");
        // the console's dashboard shows the same figures
        ConsoleClient admin = signIn("demo-admin");
        Map<String, Object> dashboard = admin.get("/api/console/dashboard").body();
        assertThat(((Number) dashboard.get("total")).longValue()).isEqualTo(300);
        assertThat(((Number) dashboard.get("overdue")).longValue()).isPositive();
    }

    @Test
    void approvedFilingsCarryWellFormedNumbersOfTheirSequence() {
        List<String> numbers = jdbc.queryForList(
                "SELECT filing_number FROM filing WHERE status IN ('APPROVED', 'REVOKED') ORDER BY filing_number", String.class);
        assertThat(numbers).hasSize(185).allMatch(n -> NUMBER.matcher(n).matches()).doesNotHaveDuplicates();
        int last = Integer.parseInt(numbers.get(numbers.size() - 1).substring(12));
        assertThat(count("SELECT last_value FROM filing_number_sequence WHERE county_code = '411422' AND year = ?",
                Integer.parseInt(numbers.get(0).substring(7, 11)))).isEqualTo(last);
        assertThat(count("SELECT COUNT(*) FROM filing WHERE status NOT IN ('APPROVED', 'REVOKED') AND filing_number IS NOT NULL"))
                .isZero();
    }

    @Test
    void namesAreFictitiousAndIdNumbersAreEncryptedTestNumbers() {
        assertThat(jdbc.queryForList("SELECT account_name FROM filing", String.class)).allMatch(n -> n.startsWith("演示"));
        assertThat(jdbc.queryForList("SELECT subject_name FROM filing", String.class))
                .allMatch(n -> n.startsWith("示例") || n.startsWith("演示") || n.startsWith("样例"));
        List<String> ciphers = jdbc.queryForList(
                "SELECT COALESCE(person_id_cipher, responsible_id_cipher) FROM filing", String.class);
        assertThat(ciphers).hasSize(300).allSatisfy(c -> {
            assertThat(c).doesNotStartWith("411422");
            String id = cipher.decrypt(c);
            assertThat(ResidentIdNumbers.isValid(id, LocalDate.now())).as(id).isTrue();
            assertThat(id).startsWith("411422").matches(".{14}9\\d\\d.");
        });
    }

    @Test
    void eachDemoStaffMemberSignsInWithTheBannersPassword() {
        assertThat(demo.bannerLines()).hasSize(3).anySatisfy(l -> assertThat(l).startsWith("Demo 管理员 (shown once): demo-admin / "));
        Map<String, String> roles = Map.of("demo-admin", "ADMIN", "demo-reviewer", "REVIEWER", "demo-publisher", "PUBLISHER");
        roles.forEach((username, role) -> {
            ConsoleClient console = signIn(username);
            assertThat(console.get("/api/console/auth/me").get("roles").toString()).isEqualTo("[{role=" + role + ", label="
                    + StaffRole.valueOf(role).label() + "}]");
        });
        ConsoleClient wrong = new ConsoleClient(port);
        assertThat(wrong.login("demo-reviewer", "Demo-wrong-password1").status()).isEqualTo(401);
        // created through the staff service: the audit log has them
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'STAFF_CREATED' AND target_id IN "
                + "(SELECT id FROM staff_user WHERE username LIKE 'demo-%')")).isEqualTo(3);
    }

    @Test
    void materialsAreSamplesInTheBucket() throws IOException {
        // every handed-in filing has its checklist: 表一 six files, 表二 three
        assertThat(count("SELECT COUNT(*) FROM filing f WHERE status <> 'DRAFT' AND (SELECT COUNT(*) FROM material_file m "
                + "WHERE m.filing_id = f.id AND m.superseded_at IS NULL) <> IF(form_type = 'UNIT', 6, 3)")).isZero();
        assertThat(count("SELECT COUNT(*) FROM material_file WHERE file_name NOT LIKE '样例%'")).isZero();
        List<Map<String, Object>> files = jdbc.queryForList(
                "SELECT object_key, content_type, size_bytes FROM material_file ORDER BY id LIMIT 12");
        assertThat(files).hasSize(12);
        for (Map<String, Object> file : files) {
            String key = (String) file.get("object_key");
            assertThat(storage.stat(key)).get().extracting(o -> o.size()).isEqualTo(((Number) file.get("size_bytes")).longValue());
            try (InputStream in = storage.open(key).orElseThrow()) {
                byte[] content = in.readAllBytes();
                if ("application/pdf".equals(file.get("content_type"))) {
                    try (PDDocument pdf = Loader.loadPDF(content)) {
                        assertThat(pdf.getDocumentInformation().getSubject()).isEqualTo("样例");
                    }
                } else {
                    assertThat(redStampPixels(ImageIO.read(new java.io.ByteArrayInputStream(content))))
                            .as("the red 样例 stamp").isGreaterThan(1000);
                }
            }
        }
    }

    @Test
    void oneFinishedAndOneRunningPushWithReceipts() {
        Map<String, Object> finished = jdbc.queryForMap("SELECT id, status FROM push_message WHERE title = ?", DemoCounty.FINISHED_PUSH);
        Map<String, Object> running = jdbc.queryForMap("SELECT id, status FROM push_message WHERE title = ?", DemoCounty.RUNNING_PUSH);
        assertThat(finished.get("status")).isEqualTo("SENT");
        assertThat(running.get("status")).isEqualTo("SENT");
        long recipients = readCount(finished.get("id"), false);
        long finishedRead = readCount(finished.get("id"), true);
        long runningRead = readCount(running.get("id"), true);
        assertThat(recipients).isGreaterThan(100);
        assertThat(finishedRead).isGreaterThan(recipients / 2);
        assertThat(runningRead).isPositive().isLessThan(finishedRead / 2);
        // and one waiting for tomorrow morning
        assertThat(jdbc.queryForObject("SELECT status FROM push_message WHERE title = ?", String.class, DemoCounty.SCHEDULED_PUSH))
                .isEqualTo("SCHEDULED");
    }

    @Test
    void remindersAndReviewResultsWentOut() {
        assertThat(count("SELECT COUNT(*) FROM filing_notice WHERE kind = 'REMINDER'")).isPositive();
        assertThat(countBy("SELECT rule_code, COUNT(*) FROM filing_notice WHERE kind = 'REMINDER' GROUP BY rule_code"))
                .containsKeys("OPENING_WINDOW", "OVERDUE");
        // review results follow each decision through the outbox, after its commit
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("SELECT COUNT(*) FROM filing_notice WHERE kind = 'REVIEW_RESULT'") >= 185 + 25);
        assertThat(countBy("SELECT rule_code, COUNT(*) FROM filing_notice WHERE kind = 'REVIEW_RESULT' GROUP BY rule_code"))
                .containsEntry("APPROVED", 185L).containsEntry("REJECTED", 25L);
    }

    @Test
    void aSecondRunAddsNothing() {
        String tables = "SELECT (SELECT COUNT(*) FROM filing), (SELECT COUNT(*) FROM staff_user), (SELECT COUNT(*) FROM material_file),"
                + " (SELECT COUNT(*) FROM push_message), (SELECT COUNT(*) FROM filing_enforcement), (SELECT COUNT(*) FROM account_operator)";
        Map<String, Object> before = jdbc.queryForMap(tables);
        assertThat(demo.seedIfEmpty()).isFalse();
        assertThat(jdbc.queryForMap(tables)).isEqualTo(before);
    }

    @Test
    void theSwitchTurnsItOff() {
        ApplicationContextRunner runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of())
                .withUserConfiguration(DemoConfiguration.class)
                .withBean(JdbcTemplate.class, () -> jdbc);
        runner.withPropertyValues("demo.enabled=false").run(context -> assertThat(context).doesNotHaveBean(DemoCounty.class));
        runner.run(context -> assertThat(context).hasSingleBean(DemoCounty.class));
    }

    private ConsoleClient signIn(String username) {
        ConsoleClient console = new ConsoleClient(port);
        assertThat(console.login(username, demo.staffPasswords().get(username)).status()).isEqualTo(200);
        return console;
    }

    private long readCount(Object pushId, boolean read) {
        return count("SELECT COUNT(*) FROM inbox_item WHERE source_type = 'POLICY' AND source_id = ?"
                + (read ? " AND read_at IS NOT NULL" : ""), pushId);
    }

    private static int redStampPixels(BufferedImage image) {
        int red = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                int rgb = image.getRGB(x, y);
                if (((rgb >> 16) & 0xff) > 180 && ((rgb >> 8) & 0xff) < 110 && (rgb & 0xff) < 110) {
                    red++;
                }
            }
        }
        return red;
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    private Map<String, Long> countBy(String sql) {
        Map<String, Long> counts = new java.util.HashMap<>();
        jdbc.query(sql, rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        });
        return counts;
    }
}
