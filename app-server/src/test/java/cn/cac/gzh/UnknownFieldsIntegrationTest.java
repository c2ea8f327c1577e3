package cn.cac.gzh;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.cac.testsupport.ConsoleClient;
import cn.cac.testsupport.FilingForms;
import cn.cac.testsupport.IntegrationTest;
import cn.cac.testsupport.MaterialUploads;
import cn.cac.testsupport.MiniApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static cn.cac.testsupport.FilingForms.section;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unknown JSON properties are ignored (a tolerant reader: mini-program versions stay in use for weeks
 * after a server upgrade), so they must never reach a field the server owns. Each request below
 * smuggles such fields (status, filing number, owner, version, approver, roles…) and the stored row
 * shows none of them took effect.
 */
@IntegrationTest
class UnknownFieldsIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    MiniApi api;
    MiniApi.Session alice;
    MiniApi.Session mallory;

    @BeforeEach
    void setUp() {
        api = MiniApi.on(port);
        alice = api.loginWithConsent("alice-" + UUID.randomUUID());
        mallory = api.loginWithConsent("mallory-" + UUID.randomUUID());
    }

    private static Map<String, Object> serverOwnedFields(long otherOperator) {
        Map<String, Object> smuggled = new HashMap<>();
        smuggled.put("id", 1);
        smuggled.put("status", "APPROVED");
        smuggled.put("filingNumber", "睢网备2016000001");
        smuggled.put("operatorId", otherOperator);
        smuggled.put("version", 99);
        smuggled.put("approvedBy", 1);
        smuggled.put("submittedAt", "2016-08-03T00:00:00Z");
        smuggled.put("paperReceived", true);
        return smuggled;
    }

    @Test
    void aNewFilingIgnoresServerOwnedFieldsAndStaysTheCallersDraft() {
        Map<String, Object> form = FilingForms.unitForm(FilingForms.newOriginalId());
        form.putAll(serverOwnedFields(mallory.operatorId()));
        section(form, "account").put("verified", true);
        section(form, "unit").put("reviewNote", "已核实");

        var created = api.post("/api/mini/filings", alice.accessToken(), form);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.get("status")).isEqualTo("DRAFT");
        assertThat(created.get("filingNumber")).isNull();
        assertThat(created.body()).doesNotContainKeys("operatorId", "approvedBy", "paperReceived");
        assertThat(section(created.map("form"), "account")).doesNotContainKey("verified");
        assertThat(section(created.map("form"), "unit")).doesNotContainKey("reviewNote");
        var row = jdbc.queryForMap("SELECT operator_id, status, filing_number, version FROM filing WHERE id = ?",
                created.id());
        assertThat(((Number) row.get("operator_id")).longValue()).isEqualTo(alice.operatorId());
        assertThat(row.get("status")).isEqualTo("DRAFT");
        assertThat(row.get("filing_number")).isNull();
        assertThat(((Number) row.get("version")).intValue()).isEqualTo(created.version()).isNotEqualTo(99);
        assertThat(api.get("/api/mini/filings/" + created.id(), mallory.accessToken()).status()).isEqualTo(404);
    }

    @Test
    void savingAndSubmittingIgnoreSmuggledStatusAndOwner() {
        String originalId = FilingForms.newOriginalId();
        var created = api.post("/api/mini/filings", alice.accessToken(), FilingForms.unitForm(originalId));
        Map<String, Object> update = new HashMap<>(serverOwnedFields(mallory.operatorId()));
        update.put("version", created.version());
        update.put("form", FilingForms.unitForm(originalId));

        var saved = api.put("/api/mini/filings/" + created.id(), alice.accessToken(), update);
        new MaterialUploads(api).completeChecklist(alice.accessToken(), created.id(), "UNIT");
        Map<String, Object> submit = new HashMap<>(serverOwnedFields(mallory.operatorId()));
        submit.put("version", saved.version());
        var submitted = api.post("/api/mini/filings/" + created.id() + "/submit", alice.accessToken(), submit);

        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.get("status")).isEqualTo("DRAFT");
        assertThat(submitted.status()).isEqualTo(200);
        assertThat(submitted.get("status")).isEqualTo("SUBMITTED");
        assertThat(submitted.get("filingNumber")).isNull();
        var row = jdbc.queryForMap("SELECT operator_id, status, filing_number FROM filing WHERE id = ?", created.id());
        assertThat(((Number) row.get("operator_id")).longValue()).isEqualTo(alice.operatorId());
        assertThat(row.get("status")).isEqualTo("SUBMITTED");
        assertThat(row.get("filing_number")).isNull();
    }

    @Test
    void aStaffAccountGetsOnlyTheRolesAndStateTheAdminChose() {
        ConsoleClient admin = new ConsoleClient(port);
        admin.login("admin", IntegrationTest.ADMIN_PASSWORD);
        String username = "rev" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> request = new HashMap<>(Map.of("username", username, "displayName", "审核员",
                "password", "Reviewer-Password-2026", "roles", List.of("REVIEWER")));
        request.put("passwordHash", "{noop}x");
        request.put("failedAttempts", -100);
        request.put("role", "ADMIN");
        request.put("id", 1);

        var created = admin.post("/api/console/admin/staff", request);

        assertThat(created.status()).isEqualTo(201);
        long id = ((Number) created.get("id")).longValue();
        assertThat(id).isNotEqualTo(1);
        assertThat(jdbc.queryForList("SELECT role FROM staff_user_role WHERE staff_id = ?", String.class, id))
                .containsExactly("REVIEWER");
        assertThat(jdbc.queryForObject("SELECT failed_attempts FROM staff_user WHERE id = ?", Integer.class, id)).isZero();
        assertThat(jdbc.queryForObject("SELECT password_hash FROM staff_user WHERE id = ?", String.class, id))
                .isNotEqualTo("{noop}x");
        ConsoleClient reviewer = new ConsoleClient(port);
        assertThat(reviewer.login(username, "Reviewer-Password-2026").status()).isEqualTo(200);
        assertThat(reviewer.get("/api/console/admin/staff").status()).isEqualTo(403);
    }
}
