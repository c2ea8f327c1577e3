package cn.cac.gzh.filing;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.cac.testsupport.FilingForms;
import cn.cac.testsupport.IntegrationTest;
import cn.cac.testsupport.MaterialUploads;
import cn.cac.testsupport.MiniApi;
import cn.cac.testsupport.PublishedEventLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole operator journey over HTTP, with WeChat simulated at the HTTP level and staff decisions
 * taken through the domain port: login → consent → self-check → draft → submit → approve → number;
 * reject → fix → resubmit; change request; revoke.
 */
@IntegrationTest
class OperatorJourneyIntegrationTest {

    private static final long STAFF_ID = 7;

    @LocalServerPort
    int port;
    @Autowired
    FilingReview review;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PublishedEventLog events;

    MiniApi api;

    @BeforeEach
    void setUp() {
        api = MiniApi.on(port);
    }

    @Test
    void unitFilingFromLoginToFilingNumber() {
        // login: our own tokens, consent still missing
        var login = api.post("/api/mini/auth/login", null, Map.of("code", "journey-" + UUID.randomUUID()));
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.get("consentRequired")).isEqualTo(true);
        assertThat(login.body()).doesNotContainKey("sessionKey");
        String token = (String) login.get("accessToken");
        String originalId = FilingForms.newOriginalId();

        // no personal data before consent
        var refused = api.post("/api/mini/filings", token, FilingForms.unitForm(originalId));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("CONSENT_REQUIRED");
        assertThat(filingsWithOriginalId(originalId)).isZero();

        var notice = api.get("/api/mini/privacy-notice", null);
        assertThat((String) notice.get("content")).contains("身份证号码");
        var consent = api.post("/api/mini/me/consents", token,
                Map.of("version", notice.get("version"), "personalInfo", true, "sensitiveInfo", true));
        assertThat(consent.status()).isEqualTo(201);
        assertThat(consent.get("consentRequired")).isEqualTo(false);

        // self-check: the name alone makes filing necessary
        var check = api.post("/api/mini/self-check", null, Map.of("accountName", "睢縣發佈"));
        assertThat(check.get("filingRequired")).isEqualTo(true);
        assertThat(check.toString()).contains("term=睢县");

        // a partial draft saves; submitting it lists what is missing and changes nothing
        var draft = api.post("/api/mini/filings", token, FilingForms.minimalDraft(originalId));
        assertThat(draft.status()).isEqualTo(201);
        assertThat(draft.get("status")).isEqualTo("DRAFT");
        long id = draft.id();
        var incomplete = api.post("/api/mini/filings/" + id + "/submit", token, Map.of("version", draft.version()));
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(incomplete.code()).isEqualTo("FILING_INCOMPLETE");
        assertThat(incomplete.fieldErrors()).extracting(e -> e.get("field"))
                .contains("account.type", "unit.name", "unit.responsiblePerson.idNumber", "unit.administrator.position");
        assertThat(api.get("/api/mini/filings/" + id, token).get("status")).isEqualTo("DRAFT");

        // complete it, submit
        var saved = api.put("/api/mini/filings/" + id, token,
                Map.of("version", draft.version(), "form", FilingForms.unitForm(originalId)));
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.version()).isEqualTo(draft.version() + 1);
        assertThat(saved.get("dueOn")).isEqualTo("2016-08-10");
        Map<String, Object> responsible = FilingForms.section(saved.map("form"), "unit", "responsiblePerson");
        assertThat(responsible.get("idNumber")).isEqualTo("110***********002X");
        assertThat(responsible.get("phone")).isEqualTo("139****5678");
        // the form is complete, the materials are not: submission names each missing item
        var noMaterials = api.post("/api/mini/filings/" + id + "/submit", token, Map.of("version", saved.version()));
        assertThat(noMaterials.code()).isEqualTo("FILING_INCOMPLETE");
        assertThat(noMaterials.fieldErrors()).extracting(e -> e.get("field")).containsExactlyInAnyOrder(
                "materials.LICENCE", "materials.RESPONSIBLE_ID_FRONT", "materials.RESPONSIBLE_ID_BACK",
                "materials.ADMIN_ID_FRONT", "materials.ADMIN_ID_BACK", "materials.SIGNED_UNIT_FORM");
        new MaterialUploads(api).completeChecklist(token, id, "UNIT");
        var submitted = api.post("/api/mini/filings/" + id + "/submit", token, Map.of("version", saved.version()));
        assertThat(submitted.status()).isEqualTo(200);
        assertThat(submitted.get("status")).isEqualTo("SUBMITTED");
        assertThat(submitted.get("overdue")).isEqualTo(false);

        // a submitted filing cannot be edited in place
        var locked = api.put("/api/mini/filings/" + id, token,
                Map.of("version", submitted.version(), "form", FilingForms.unitForm(originalId)));
        assertThat(locked.status()).isEqualTo(409);
        assertThat(locked.code()).isEqualTo("FILING_NOT_EDITABLE");

        // the office approves: a readable, unique filing number
        String number = review.approve(id, STAFF_ID);
        assertThat(number).matches("411422-\\d{4}-\\d{5}");
        var approved = api.get("/api/mini/filings/" + id, token);
        assertThat(approved.get("status")).isEqualTo("APPROVED");
        assertThat(approved.get("statusLabel")).isEqualTo("已备案");
        assertThat(approved.get("filingNumber")).isEqualTo(number);
        assertThat(history(approved)).containsExactly("null>DRAFT", "DRAFT>SUBMITTED", "SUBMITTED>APPROVED");

        // a change goes back through review and keeps the number
        Map<String, Object> changed = FilingForms.unitForm(originalId);
        FilingForms.section(changed, "account").put("name", "睢县发布（新）");
        var change = api.post("/api/mini/filings/" + id + "/change-request", token,
                Map.of("version", approved.version(), "form", changed));
        assertThat(change.status()).isEqualTo(200);
        assertThat(change.get("status")).isEqualTo("SUBMITTED");
        assertThat(review.approve(id, STAFF_ID)).isEqualTo(number);

        // the account closes
        var current = api.get("/api/mini/filings/" + id, token);
        var revoked = api.post("/api/mini/filings/" + id + "/revoke", token,
                Map.of("version", current.version(), "reason", "公众号已注销"));
        assertThat(revoked.get("status")).isEqualTo("REVOKED");
        assertThat(revoked.get("revocationReason")).isEqualTo("公众号已注销");

        // every transition was published
        assertThat(events.stream(FilingStatusChanged.class).filter(e -> e.filingId() == id).map(FilingStatusChanged::to))
                .containsExactly(FilingStatus.DRAFT, FilingStatus.SUBMITTED, FilingStatus.APPROVED, FilingStatus.SUBMITTED,
                        FilingStatus.APPROVED, FilingStatus.REVOKED);

        // ID numbers are encrypted at rest, with a blind index
        Map<String, Object> stored = jdbc.queryForMap(
                "SELECT responsible_id_cipher, responsible_id_index FROM filing WHERE id = ?", id);
        assertThat((String) stored.get("responsible_id_cipher")).startsWith("v1:").doesNotContain(FilingForms.RESPONSIBLE_ID);
        assertThat((String) stored.get("responsible_id_index")).matches("[0-9a-f]{64}");
    }

    @Test
    void individualFilingRejectedFixedAndResubmitted() {
        MiniApi.Session session = api.loginWithConsent("journey-" + UUID.randomUUID());
        String token = session.accessToken();
        String originalId = FilingForms.newOriginalId();
        Map<String, Object> form = FilingForms.individualForm(originalId);
        var created = api.post("/api/mini/filings", token, form);
        assertThat(created.status()).isEqualTo(201);
        long id = created.id();
        new MaterialUploads(api).completeChecklist(token, id, "INDIVIDUAL");
        var submitted = api.post("/api/mini/filings/" + id + "/submit", token, Map.of("version", created.version()));
        assertThat(submitted.get("status")).isEqualTo("SUBMITTED");

        review.reject(id, STAFF_ID, "身份证复印件不清晰，请重新上传");
        var rejected = api.get("/api/mini/filings/" + id, token);
        assertThat(rejected.get("status")).isEqualTo("REJECTED");
        assertThat(rejected.get("rejectionReason")).isEqualTo("身份证复印件不清晰，请重新上传");

        // fix: the ID number is not re-sent (null keeps it), the address changes
        FilingForms.section(form, "individual").put("idNumber", null);
        FilingForms.section(form, "individual").put("address", "睢县蓼堤镇蓼堤村");
        var fixed = api.put("/api/mini/filings/" + id, token, Map.of("version", rejected.version(), "form", form));
        assertThat(fixed.status()).isEqualTo(200);
        assertThat(FilingForms.section(fixed.map("form"), "individual").get("idNumber")).isEqualTo("110***********002X");
        var resubmitted = api.post("/api/mini/filings/" + id + "/submit", token, Map.of("version", fixed.version()));
        assertThat(resubmitted.status()).isEqualTo(200);
        assertThat(resubmitted.get("status")).isEqualTo("SUBMITTED");
        assertThat(resubmitted.get("rejectionReason")).isNull();
        assertThat(history(resubmitted)).containsExactly("null>DRAFT", "DRAFT>SUBMITTED", "SUBMITTED>REJECTED", "REJECTED>SUBMITTED");

        var list = api.get("/api/mini/filings", token);
        assertThat(list.status()).isEqualTo(200);
    }

    @SuppressWarnings("unchecked")
    private static List<String> history(MiniApi.Response filing) {
        return ((List<Map<String, Object>>) filing.get("history")).stream()
                .map(t -> t.get("from") + ">" + t.get("to")).toList();
    }

    private int filingsWithOriginalId(String originalId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM filing WHERE account_original_id = ?", Integer.class, originalId);
    }
}
