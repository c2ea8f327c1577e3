package cn.cac.gzh.reminder.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import cn.cac.gzh.common.TimeConfiguration;
import cn.cac.testsupport.ConsoleClient;
import cn.cac.testsupport.FilingForms;
import cn.cac.testsupport.IntegrationTest;
import cn.cac.testsupport.MaterialUploads;
import cn.cac.testsupport.MiniApi;

import org.springframework.jdbc.core.JdbcTemplate;

/** Operators with filings, staff decisions and what the notice tables say, for the reminder tests. */
final class ReminderFixture {

    /** An operator's filing: the login code logs in again after the clock moved past the token's life. */
    record Filing(String code, long operatorId, long filingId, String accountName) {
    }

    private final MiniApi api;
    private final JdbcTemplate jdbc;
    private final ConsoleClient admin;

    ReminderFixture(int port, JdbcTemplate jdbc) {
        this.api = MiniApi.on(port);
        this.jdbc = jdbc;
        this.admin = new ConsoleClient(port);
    }

    MiniApi api() {
        return api;
    }

    /** A console session signed in now (sessions live in Redis on real time, tokens on the test clock). */
    ConsoleClient admin() {
        assertThat(admin.login("admin", IntegrationTest.ADMIN_PASSWORD).status()).isEqualTo(200);
        return admin;
    }

    /** A 表一 draft of an account opened on {@code openedOn}. */
    Filing draft(String code, String accountName, LocalDate openedOn) {
        return draft(code, accountName, openedOn, null);
    }

    /** The same in {@code countyCode} ({@code null}: the default county). */
    Filing draft(String code, String accountName, LocalDate openedOn, String countyCode) {
        MiniApi.Session session = api.loginWithConsent(code);
        Map<String, Object> form = FilingForms.unitForm(FilingForms.newOriginalId());
        @SuppressWarnings("unchecked")
        Map<String, Object> account = (Map<String, Object>) form.get("account");
        account.put("name", accountName);
        account.put("openedOn", openedOn.toString());
        if (countyCode != null) {
            form.put("countyCode", countyCode);
        }
        MiniApi.Response created = api.post("/api/mini/filings", session.accessToken(), form);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new Filing(code, session.operatorId(), created.id(), accountName);
    }

    String token(Filing filing) {
        return api.login(filing.code()).accessToken();
    }

    void submit(Filing filing) {
        String token = token(filing);
        new MaterialUploads(api).completeChecklist(token, filing.filingId(), "UNIT");
        int version = api.get("/api/mini/filings/" + filing.filingId(), token).version();
        MiniApi.Response submitted = api.post("/api/mini/filings/" + filing.filingId() + "/submit", token, Map.of("version", version));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
    }

    void approve(Filing filing) {
        assertThat(admin().post("/api/console/review/filings/" + filing.filingId() + "/approve", null).status()).isEqualTo(200);
    }

    void reject(Filing filing, String reason) {
        assertThat(admin().post("/api/console/review/filings/" + filing.filingId() + "/reject", Map.of("text", reason)).status())
                .isEqualTo(200);
    }

    LocalDate dueOn(Filing filing) {
        return jdbc.queryForObject("SELECT due_on FROM filing WHERE id = ?", LocalDate.class, filing.filingId());
    }

    /** The filing's notices as "RULE step STATUS", oldest first. */
    List<String> notices(Filing filing) {
        return jdbc.query("SELECT rule_code, step, status FROM filing_notice WHERE filing_id = ? ORDER BY id",
                (rs, row) -> rs.getString("rule_code") + (rs.getObject("step") == null ? "" : " " + rs.getInt("step")) + " "
                        + rs.getString("status"), filing.filingId());
    }

    /** The filing's notices as "Beijing day RULE step" of their sending, sent ones only. */
    List<String> sentDays(Filing filing) {
        return jdbc.query("SELECT rule_code, step, sent_at FROM filing_notice WHERE filing_id = ? AND status = 'SENT' ORDER BY id",
                (rs, row) -> beijingDay(rs.getObject("sent_at", LocalDateTime.class)) + " " + rs.getString("rule_code")
                        + (rs.getObject("step") == null ? "" : " " + rs.getInt("step")), filing.filingId());
    }

    int inboxItems(Filing filing, String kind) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM inbox_item WHERE operator_id = ? AND source_type = ?", Integer.class,
                filing.operatorId(), kind);
    }

    static LocalDate beijingDay(LocalDateTime utc) {
        return utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(TimeConfiguration.DISPLAY_ZONE).toLocalDate();
    }
}
