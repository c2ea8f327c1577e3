package cn.cac.gzh.material;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.cac.devservices.SimulatedDocuments;
import cn.cac.testsupport.ConsoleClient;
import cn.cac.testsupport.FilingForms;
import cn.cac.testsupport.IntegrationTest;
import cn.cac.testsupport.MaterialUploads;
import cn.cac.testsupport.MiniApi;
import cn.cac.testsupport.TestFiles;
import cn.cac.testsupport.WechatSimulatorClient;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The automatic check end to end: uploads of photos the WeChat simulator "reads" (it downloads them through the
 * short-lived link, as WeChat does), recognition by the background worker through WxJava, the cross-check with
 * the form, and what the operator's API and the console show; WeChat's quota and failures leave the filing alone.
 */
@IntegrationTest
class MaterialRecognitionIntegrationTest {

    private static final String OTHER_ID = "110105194912310037";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;
    @Value("${wechat.api-base-url}")
    String wechatBaseUrl;

    MiniApi api;
    MaterialUploads uploads;
    ConsoleClient admin;
    WireMock simulator;
    final List<StubMapping> stubs = new ArrayList<>();
    String token;

    @BeforeEach
    void setUp() {
        api = MiniApi.on(port);
        uploads = new MaterialUploads(api);
        admin = new ConsoleClient(port);
        assertThat(admin.login("admin", IntegrationTest.ADMIN_PASSWORD).status()).isEqualTo(200);
        simulator = WechatSimulatorClient.connect(wechatBaseUrl);
        token = api.loginWithConsent("ocr-" + UUID.randomUUID()).accessToken();
    }

    @AfterEach
    void removeStubs() {
        stubs.forEach(simulator::removeStubMapping);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyOutcomeIsShownToTheOperatorAndTheReviewerAndSubmissionIsNeverBlocked() {
        String originalId = FilingForms.newOriginalId();
        var created = api.post("/api/mini/filings", token, FilingForms.unitForm(originalId));
        long filingId = created.id();
        // the licence in traditional characters: the unit's name still matches
        long licence = upload(filingId, "LICENCE", SimulatedDocuments.licence(FilingForms.USCC, "睢縣融媒體中心", "张三"));
        long responsibleFront = upload(filingId, "RESPONSIBLE_ID_FRONT", SimulatedDocuments.idCardFront("张三", OTHER_ID));
        long responsibleBack = upload(filingId, "RESPONSIBLE_ID_BACK", SimulatedDocuments.idCardBack("20000101-20200101"));
        // a full-width space in the name and a lower-case check letter are no difference
        long adminFront = upload(filingId, "ADMIN_ID_FRONT",
                SimulatedDocuments.idCardFront("李\u3000四", FilingForms.ADMIN_ID.toLowerCase()));
        long adminBack = upload(filingId, "ADMIN_ID_BACK", SimulatedDocuments.unreadable());
        long form = uploads.upload(token, filingId, "SIGNED_UNIT_FORM", TestFiles.pdf(), "表一.pdf", "application/pdf").id();

        for (long file : List.of(licence, responsibleFront, responsibleBack, adminFront, adminBack)) {
            awaitDone(filingId, file);
        }
        var formCheck = check(filingId, form);
        assertThat(formCheck.body()).as("a signed form is not checked: an empty answer").isEmpty();

        assertThat(results(filingId, licence)).containsExactly("CREDIT_CODE=MATCH", "UNIT_NAME=MATCH", "LEGAL_REPRESENTATIVE=MATCH");
        assertThat(results(filingId, responsibleFront)).containsExactly("NAME=MATCH", "ID_NUMBER=MISMATCH");
        Map<String, Object> idNumber = result(filingId, responsibleFront, "ID_NUMBER");
        assertThat(idNumber.get("message")).isEqualTo("照片中的身份证号码与填写的不一致，请核对");
        assertThat(idNumber.get("recognised")).isEqualTo("110***********0037");
        assertThat(idNumber.get("entered")).isEqualTo("110***********002X");
        assertThat(check(filingId, responsibleFront).get("mismatch")).isEqualTo(true);
        assertThat(results(filingId, responsibleBack)).containsExactly("VALIDITY=MISMATCH");
        assertThat(result(filingId, responsibleBack, "VALIDITY").get("message"))
                .isEqualTo("身份证已过有效期（有效期至2020年01月01日），请上传有效证件");
        assertThat(results(filingId, adminFront)).containsExactly("NAME=MATCH", "ID_NUMBER=MATCH");
        assertThat(results(filingId, adminBack)).containsExactly("DOCUMENT=UNREADABLE");
        assertThat(check(filingId, adminBack).get("mismatch")).isEqualTo(false);

        // the checklist carries the same checks
        var checklist = api.get("/api/mini/filings/" + filingId + "/materials", token);
        var items = (List<Map<String, Object>>) checklist.get("items");
        Map<String, Object> frontItem = items.stream().filter(i -> "RESPONSIBLE_ID_FRONT".equals(i.get("materialType"))).findFirst().orElseThrow();
        assertThat(((Map<String, Object>) ((Map<String, Object>) frontItem.get("current")).get("check")).get("mismatch")).isEqualTo(true);

        // at rest: encrypted, no name or number in clear
        for (String sealed : jdbc.queryForList("SELECT fields_cipher FROM material_recognition WHERE filing_id = ? AND readable",
                String.class, filingId)) {
            assertThat(sealed).startsWith("v").doesNotContain(OTHER_ID).doesNotContain("张三").doesNotContain("20200101");
        }
        // once per file: WeChat was asked about each photo once
        for (long file : List.of(licence, responsibleFront, responsibleBack, adminFront, adminBack)) {
            String key = jdbc.queryForObject("SELECT object_key FROM material_file WHERE id = ?", String.class, file);
            long asked = simulator.find(postRequestedFor(urlPathEqualTo(file == licence ? "/cv/ocr/bizlicense" : "/cv/ocr/idcard")))
                    .stream().filter(r -> r.queryParameter("img_url").firstValue().contains(key)).count();
            assertThat(asked).as("OCR requests for file %d", file).isEqualTo(1);
        }

        // a mismatch never blocks the submission
        var submitted = api.post("/api/mini/filings/" + filingId + "/submit", token, Map.of("version", created.version()));
        assertThat(submitted.status()).isEqualTo(200);
        assertThat(submitted.get("status")).isEqualTo("SUBMITTED");

        // the reviewer: results beside each material, and the queue filtered to mismatches
        var detail = admin.get("/api/console/review/filings/" + filingId);
        var materials = (List<Map<String, Object>>) detail.get("materials");
        Map<String, Object> front = materials.stream().filter(m -> ((Number) m.get("id")).longValue() == responsibleFront)
                .findFirst().orElseThrow();
        Map<String, Object> frontCheck = (Map<String, Object>) front.get("check");
        assertThat(frontCheck.get("status")).isEqualTo("DONE");
        assertThat(frontCheck.get("statusLabel")).isEqualTo("已核对");
        assertThat(frontCheck.toString()).contains("照片中的身份证号码与填写的不一致，请核对").doesNotContain(OTHER_ID);

        String plain = submittedWithPlainPhotos();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(inQueue(originalId, true)).isTrue());
        assertThat(inQueue(plain, true)).isFalse();
        assertThat(inQueue(plain, false)).isTrue();
        var registry = admin.get("/api/console/registry?materialMismatch=true&text=" + originalId);
        assertThat(registry.get("items").toString()).contains("materialMismatch=true");
        assertThat(((Number) admin.get("/api/console/registry?materialMismatch=true&text=" + plain).get("total")).intValue()).isZero();
    }

    @Test
    void aFormCorrectedAfterTheUploadMatchesAndTheSubmissionClearsTheFlag() {
        String originalId = FilingForms.newOriginalId();
        Map<String, Object> form = FilingForms.unitForm(originalId);
        var created = api.post("/api/mini/filings", token, form);
        long filingId = created.id();
        long front = upload(filingId, "RESPONSIBLE_ID_FRONT", SimulatedDocuments.idCardFront("张叁", FilingForms.RESPONSIBLE_ID));
        awaitDone(filingId, front);
        assertThat(results(filingId, front)).containsExactly("NAME=MISMATCH", "ID_NUMBER=MATCH");
        assertThat(result(filingId, front, "NAME").get("message")).isEqualTo("照片中的姓名与填写的不一致，请核对");
        assertThat(jdbc.queryForObject("SELECT material_mismatch FROM filing WHERE id = ?", Boolean.class, filingId)).isTrue();

        FilingForms.section(form, "unit", "responsiblePerson").put("name", "张叁");
        var saved = api.put("/api/mini/filings/" + filingId, token, Map.of("version", created.version(), "form", form));
        assertThat(saved.status()).isEqualTo(200);
        assertThat(results(filingId, front)).as("worked out against the form as it is now").containsExactly("NAME=MATCH", "ID_NUMBER=MATCH");

        for (String type : List.of("LICENCE", "RESPONSIBLE_ID_BACK", "ADMIN_ID_FRONT", "ADMIN_ID_BACK", "SIGNED_UNIT_FORM")) {
            uploads.upload(token, filingId, type, TestFiles.jpeg(), type + ".jpg", "image/jpeg");
        }
        assertThat(api.post("/api/mini/filings/" + filingId + "/submit", token, Map.of("version", saved.version()))
                .get("status")).isEqualTo("SUBMITTED");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(jdbc.queryForObject("SELECT material_mismatch FROM filing WHERE id = ?", Boolean.class, filingId)).isFalse());
        assertThat(inQueue(originalId, true)).isFalse();
        assertThat(inQueue(originalId, false)).isTrue();
    }

    @Test
    void quotaExhaustedOrWechatFailingLeavesTheFilingUncheckedAndIsRetried() {
        stubs.add(simulator.register(post(urlPathEqualTo("/cv/ocr/idcard")).atPriority(1).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"errcode\":45009,\"errmsg\":\"reach max api daily quota limit\"}"))));
        double quotaBefore = quotaExhausted();
        var created = api.post("/api/mini/filings", token, FilingForms.unitForm(FilingForms.newOriginalId()));
        long filingId = created.id();
        long front = upload(filingId, "RESPONSIBLE_ID_FRONT", SimulatedDocuments.idCardFront("张三", OTHER_ID));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var check = check(filingId, front);
            assertThat(check.get("status")).isEqualTo("UNCHECKED");
            assertThat(check.get("statusLabel")).isEqualTo("暂未核对");
            assertThat(check.get("mismatch")).isEqualTo(false);
        });
        assertThat(jdbc.queryForObject("SELECT last_error FROM material_recognition WHERE file_id = ?", String.class, front))
                .isEqualTo("wechat-45009");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                meters.get("gzh.material.recognition.backlog").tag("status", "unchecked").gauge().value()).isGreaterThanOrEqualTo(1));
        assertThat(quotaExhausted()).as("counted, whichever instance's worker met it").isGreaterThan(quotaBefore);
        var filing = api.get("/api/mini/filings/" + filingId, token);
        assertThat(filing.get("status")).isEqualTo("DRAFT");
        assertThat(filing.version()).as("the filing is not touched").isEqualTo(created.version());

        // WeChat not answering at all (HTTP 503): still unchecked, tried again
        stubs.forEach(simulator::removeStubMapping);
        stubs.clear();
        stubs.add(simulator.register(post(urlPathEqualTo("/cv/ocr/idcard")).atPriority(1).willReturn(aResponse().withStatus(503))));
        int attempts = jdbc.queryForObject("SELECT attempts FROM material_recognition WHERE file_id = ?", Integer.class, front);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                jdbc.queryForObject("SELECT attempts FROM material_recognition WHERE file_id = ?", Integer.class, front))
                .isGreaterThan(attempts));
        assertThat(check(filingId, front).get("status")).as("unchecked, or being tried again").isIn("UNCHECKED", "PENDING");
        assertThat(check(filingId, front).get("results")).isEqualTo(List.of());

        // WeChat back: the retry reads the photo
        stubs.forEach(simulator::removeStubMapping);
        stubs.clear();
        awaitDone(filingId, front);
        assertThat(results(filingId, front)).containsExactly("NAME=MATCH", "ID_NUMBER=MISMATCH");
    }

    @Test
    void aPhotoReplacedBeforeItsTurnIsNotSentAndSaysWhy() {
        stubs.add(simulator.register(post(urlPathEqualTo("/cv/ocr/idcard")).atPriority(1).willReturn(aResponse().withStatus(503))));
        var created = api.post("/api/mini/filings", token, FilingForms.unitForm(FilingForms.newOriginalId()));
        long filingId = created.id();
        long first = upload(filingId, "ADMIN_ID_FRONT", SimulatedDocuments.idCardFront("李四", OTHER_ID));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(check(filingId, first).get("status")).isEqualTo("UNCHECKED"));
        long second = upload(filingId, "ADMIN_ID_FRONT", SimulatedDocuments.idCardFront("李四", FilingForms.ADMIN_ID));
        stubs.forEach(simulator::removeStubMapping);
        stubs.clear();

        awaitDone(filingId, second);
        assertThat(results(filingId, second)).containsExactly("NAME=MATCH", "ID_NUMBER=MATCH");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var replaced = check(filingId, first);
            assertThat(replaced.get("status")).isEqualTo("SKIPPED");
            assertThat(replaced.get("statusLabel")).isEqualTo("未核对（识别前已被替换）");
        });
        assertThat(jdbc.queryForObject("SELECT material_mismatch FROM filing WHERE id = ?", Boolean.class, filingId))
                .as("only current files count").isFalse();
    }

    @Test
    void aFileWhoseWorkerDiedIsTakenUpWhenItsLeaseEnds() {
        var created = api.post("/api/mini/filings", token, FilingForms.unitForm(FilingForms.newOriginalId()));
        long filingId = created.id();
        // the file filed, its recognition claimed by a worker that then died (lease running out in a second)
        long front = uploads.upload(token, filingId, "ADMIN_ID_FRONT", TestFiles.pdf(), "a.pdf", "application/pdf").id();
        jdbc.update("UPDATE material_recognition SET status = 'RECOGNISING', attempts = 1, "
                + "next_attempt_at = UTC_TIMESTAMP(3) + INTERVAL 1 SECOND WHERE file_id = ?", front);
        assertThat(check(filingId, front).get("status")).isEqualTo("PENDING");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(jdbc.queryForObject("SELECT attempts FROM material_recognition WHERE file_id = ?", Integer.class, front))
                        .isEqualTo(2));
        awaitDone(filingId, front);
        assertThat(results(filingId, front)).containsExactly("DOCUMENT=UNREADABLE");
    }

    @Test
    void aPdfIsNotSentToWechatAndSomeoneElsesMaterialIsNotFound() {
        var created = api.post("/api/mini/filings", token, FilingForms.unitForm(FilingForms.newOriginalId()));
        long filingId = created.id();
        var confirmed = uploads.upload(token, filingId, "LICENCE", TestFiles.pdf(), "执照.pdf", "application/pdf");
        @SuppressWarnings("unchecked")
        Map<String, Object> check = (Map<String, Object>) confirmed.get("check");
        assertThat(check.get("status")).isEqualTo("SKIPPED");
        assertThat(check.get("statusLabel")).isEqualTo("未核对（PDF 文件不自动识别）");

        String stranger = api.loginWithConsent("ocr-stranger-" + UUID.randomUUID()).accessToken();
        var foreign = api.get("/api/mini/filings/" + filingId + "/materials/" + confirmed.id() + "/check", stranger);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.code()).isEqualTo("FILING_NOT_FOUND");
        var missing = api.get("/api/mini/filings/" + filingId + "/materials/999999999/check", token);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.code()).isEqualTo("MATERIAL_NOT_FOUND");
        assertThat(api.get("/api/mini/filings/" + filingId + "/materials/abc/check", token).status()).isEqualTo(400);
    }

    @Test
    void thePrivacyNoticeNamesTheProcessingAndWechatAndIsAskedAgain() {
        var notice = api.get("/api/mini/privacy-notice", null);
        assertThat(notice.get("version")).isEqualTo("2026-2");
        assertThat((String) notice.get("content")).contains("材料自动核对", "OCR", "受托处理者", "与对应材料按同一期限删除");

        // someone who accepted the first notice only is asked again before any personal data is accepted
        var session = api.login("ocr-consent-" + UUID.randomUUID());
        jdbc.update("INSERT INTO account_consent (operator_id, notice_version, personal_info, sensitive_info, accepted_at) "
                + "VALUES (?, '2026-1', TRUE, TRUE, UTC_TIMESTAMP(3))", session.operatorId());
        var refused = api.post("/api/mini/filings", session.accessToken(), FilingForms.unitForm(FilingForms.newOriginalId()));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("CONSENT_REQUIRED");
        var outdated = api.post("/api/mini/me/consents", session.accessToken(),
                Map.of("version", "2026-1", "personalInfo", true, "sensitiveInfo", true));
        assertThat(outdated.code()).isEqualTo("CONSENT_VERSION_OUTDATED");
    }

    /** Summed over every test context's registry: the worker of any context may have taken the file. */
    private static double quotaExhausted() {
        return Metrics.globalRegistry.getRegistries().stream().mapToDouble(registry -> registry.find("gzh.material.recognitions")
                .tags("kind", "id_card", "outcome", "quota_exhausted").counters().stream().mapToDouble(Counter::count).sum()).sum();
    }

    private long upload(long filingId, String type, byte[] photo) {
        var confirmed = uploads.upload(token, filingId, type, photo, type.toLowerCase() + ".png", "image/png");
        @SuppressWarnings("unchecked")
        Map<String, Object> check = (Map<String, Object>) confirmed.get("check");
        assertThat(check.get("status")).as("checked in the background, after the answer").isIn("PENDING", "DONE");
        return confirmed.id();
    }

    private void awaitDone(long filingId, long file) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(check(filingId, file).get("status")).isEqualTo("DONE"));
    }

    private MiniApi.Response check(long filingId, long file) {
        var check = api.get("/api/mini/filings/" + filingId + "/materials/" + file + "/check", token);
        assertThat(check.status()).isEqualTo(200);
        return check;
    }

    @SuppressWarnings("unchecked")
    private List<String> results(long filingId, long file) {
        return ((List<Map<String, Object>>) check(filingId, file).get("results")).stream()
                .map(r -> r.get("field") + "=" + r.get("outcome")).toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> result(long filingId, long file, String field) {
        return ((List<Map<String, Object>>) check(filingId, file).get("results")).stream()
                .filter(r -> field.equals(r.get("field"))).findFirst().orElseThrow();
    }

    /** Whether the review queue (only mismatches, or all) lists the filing of that original ID. */
    private boolean inQueue(String originalId, boolean mismatchOnly) {
        var queue = admin.get("/api/console/review/queue?text=" + originalId + (mismatchOnly ? "&mismatch=true" : ""));
        assertThat(queue.status()).isEqualTo(200);
        return ((Number) queue.get("total")).intValue() == 1;
    }

    /** A submitted filing whose photos show no document: nothing to flag. Returns its original ID. */
    private String submittedWithPlainPhotos() {
        String originalId = FilingForms.newOriginalId();
        var created = api.post("/api/mini/filings", token, FilingForms.unitForm(originalId));
        uploads.completeChecklist(token, created.id(), "UNIT");
        assertThat(api.post("/api/mini/filings/" + created.id() + "/submit", token, Map.of("version", created.version()))
                .get("status")).isEqualTo("SUBMITTED");
        return originalId;
    }
}
