package cn.cac.gzh.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import cn.cac.testsupport.ConsoleClient;
import cn.cac.testsupport.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** An administrator edits a reminder rule: previews, saves, is audited; every bad change is refused and changes nothing. */
@IntegrationTest
class ReminderRulesIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    ConsoleClient admin;

    @BeforeEach
    void signIn() {
        admin = new ConsoleClient(port);
        assertThat(admin.login("admin", IntegrationTest.ADMIN_PASSWORD).status()).isEqualTo(200);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> rule(String code) {
        var rules = (List<Map<String, Object>>) admin.get("/api/console/admin/reminder-rules").get("items");
        return rules.stream().filter(r -> code.equals(r.get("code"))).findFirst().orElseThrow();
    }

    private String stored(String code) {
        return jdbc.queryForObject("SELECT CONCAT(enabled, '|', offsets, '|', title, '|', body, '|', version) FROM reminder_rule WHERE code = ? AND region_code = '411400'",
                String.class, code);
    }

    @Test
    void everyRuleIsListedWithWhatItsOffsetsMeanAndItsPlaceholders() {
        @SuppressWarnings("unchecked")
        var rules = (List<Map<String, Object>>) admin.get("/api/console/admin/reminder-rules").get("items");
        assertThat(rules).extracting(r -> r.get("code")).containsExactly("CAMPAIGN_DEADLINE", "OPENING_WINDOW", "REJECTED_IDLE",
                "OVERDUE", "STAFF_DIGEST", "ANNUAL_RECONFIRMATION");
        Map<String, Object> opening = rule("OPENING_WINDOW");
        assertThat(opening.get("offsets")).isEqualTo(List.of(7, 20, 27));
        assertThat(opening.get("name")).isEqualTo("新开通账号30日内备案提醒");
        assertThat((List<String>) opening.get("placeholders")).contains("{公众号}", "{已开通天数}");
        assertThat(rule("ANNUAL_RECONFIRMATION").get("enabled")).isEqualTo(false);
    }

    @Test
    void aPreviewFillsTheSampleValuesAndASaveIsVersionedAndAudited() {
        var preview = admin.post("/api/console/admin/reminder-rules/REJECTED_IDLE/preview",
                Map.of("title", "退回{退回日期}", "body", "“{公众号}”因{退回原因}被退回"));
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.get("title")).isEqualTo("退回2026年7月28日");
        assertThat(preview.get("body")).isEqualTo("“睢县示例公众号”因身份证复印件不清晰，请重新上传被退回");

        Map<String, Object> before = rule("REJECTED_IDLE");
        int version = ((Number) before.get("version")).intValue();
        int audits = jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'REMINDER_RULE_UPDATE'", Integer.class);
        var saved = admin.put("/api/console/admin/reminder-rules/REJECTED_IDLE", Map.of("enabled", true, "offsets", List.of(7, 3, 3, 14),
                "title", before.get("title"), "body", before.get("body"), "version", version));
        assertThat(saved.status()).as(saved.raw().body()).isEqualTo(200);
        assertThat(saved.get("offsets")).as("sorted, without repeats").isEqualTo(List.of(3, 7, 14));
        assertThat(((Number) saved.get("version")).intValue()).isEqualTo(version + 1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'REMINDER_RULE_UPDATE'", Integer.class))
                .isEqualTo(audits + 1);

        // the same stale version again: someone else's change is not overwritten
        String now = stored("REJECTED_IDLE");
        var stale = admin.put("/api/console/admin/reminder-rules/REJECTED_IDLE", Map.of("enabled", false, "offsets", List.of(1),
                "title", "x", "body", "y", "version", version));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.code()).isEqualTo("RULE_CHANGED");
        assertThat(stored("REJECTED_IDLE")).isEqualTo(now);
        // put it back as it was
        assertThat(admin.put("/api/console/admin/reminder-rules/REJECTED_IDLE", Map.of("enabled", true, "offsets", List.of(3, 7),
                "title", before.get("title"), "body", before.get("body"), "version", version + 1)).status()).isEqualTo(200);
    }

    @Test
    void badChangesAreRefusedWithAStableCodeAChineseMessageAndChangeNothing() {
        Map<String, Object> rule = rule("OVERDUE");
        Object version = rule.get("version");
        String before = stored("OVERDUE");
        record Bad(Map<String, Object> body, int status, String code, String message) {
        }
        List<Bad> cases = List.of(
                new Bad(Map.of("enabled", true, "offsets", List.of(1), "title", "逾期{罚款金额}", "body", "b", "version", version), 400,
                        "UNKNOWN_PLACEHOLDER", "不认识的占位符：{罚款金额}"),
                new Bad(Map.of("enabled", true, "offsets", List.of(-1), "title", "t", "body", "b", "version", version), 400,
                        "OFFSETS_INVALID", "提醒时间"),
                new Bad(Map.of("enabled", true, "offsets", List.of(), "title", "t", "body", "b", "version", version), 400,
                        "OFFSETS_INVALID", "提醒时间"),
                new Bad(Map.of("enabled", true, "offsets", List.of(1, 2, 3, 4, 5, 6, 7), "title", "t", "body", "b", "version", version),
                        400, "OFFSETS_INVALID", "提醒时间"),
                new Bad(Map.of("enabled", true, "offsets", List.of(1), "title", " ", "body", "b", "version", version), 400,
                        "TITLE_REQUIRED", "请填写标题"),
                new Bad(Map.of("enabled", true, "offsets", List.of(1), "title", "t".repeat(61), "body", "b", "version", version), 400,
                        "TITLE_TOO_LONG", "标题不能超过60字"),
                new Bad(Map.of("enabled", true, "offsets", List.of(1), "title", "t", "body", "b".repeat(801), "version", version), 400,
                        "BODY_TOO_LONG", "正文不能超过800字"),
                new Bad(Map.of("enabled", true, "offsets", List.of(1), "title", "t", "version", version), 400, "VALIDATION_FAILED", null));
        for (Bad bad : cases) {
            var answer = admin.put("/api/console/admin/reminder-rules/OVERDUE", bad.body());
            assertThat(answer.status()).as(bad.code()).isEqualTo(bad.status());
            if (!"VALIDATION_FAILED".equals(bad.code())) {
                assertThat(answer.code()).isEqualTo(bad.code());
                assertThat((String) answer.get("message")).contains(bad.message());
            }
            assertThat(stored("OVERDUE")).isEqualTo(before);
        }
        var malformed = admin.sendRaw("PUT", "/api/console/admin/reminder-rules/OVERDUE", "{\"enabled\": tru");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(stored("OVERDUE")).isEqualTo(before);
        var unknown = admin.put("/api/console/admin/reminder-rules/FINE", Map.of("enabled", true, "offsets", List.of(1),
                "title", "t", "body", "b", "version", 0));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("RULE_NOT_FOUND");
        assertThat(unknown.get("message")).isEqualTo("提醒规则不存在");
        var badPreview = admin.post("/api/console/admin/reminder-rules/STAFF_DIGEST/preview", Map.of("title", "{公众号}", "body", "b"));
        assertThat(badPreview.code()).isEqualTo("UNKNOWN_PLACEHOLDER");
        assertThat((String) badPreview.get("message")).contains("{日期}", "{数量}", "{名单}");
    }
}
