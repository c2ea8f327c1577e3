package cn.cac.gzh.material.internal;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import cn.cac.devservices.SimulatedDocuments;
import cn.cac.gzh.filing.FilingReview;
import cn.cac.gzh.storage.ObjectStorage;
import cn.cac.testsupport.FilingForms;
import cn.cac.testsupport.IntegrationTest;
import cn.cac.testsupport.MaterialUploads;
import cn.cac.testsupport.MiniApi;
import cn.cac.testsupport.TestFiles;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The clean-up removes only orphans and what the retention rules release; a live filing's files survive. */
@IntegrationTest
class MaterialCleanupIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    MaterialCleanup cleanup;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectStorage storage;
    @Autowired
    FilingReview review;

    @Test
    @SuppressWarnings("unchecked")
    void removesOnlyOrphansAndExpiredRetention() {
        MiniApi api = MiniApi.on(port);
        MaterialUploads uploads = new MaterialUploads(api);
        String token = api.loginWithConsent("cleanup-" + UUID.randomUUID()).accessToken();

        // a live, long-untouched approved filing with current and superseded files
        long live = api.post("/api/mini/filings", token, FilingForms.unitForm(FilingForms.newOriginalId())).id();
        uploads.completeChecklist(token, live, "UNIT");
        uploads.upload(token, live, "LICENCE", TestFiles.pdf(), "licence-v2.pdf", "application/pdf");
        int version = api.get("/api/mini/filings/" + live, token).version();
        api.post("/api/mini/filings/" + live + "/submit", token, Map.of("version", version));
        review.approve(live, 1);
        // a recent draft
        long recentDraft = api.post("/api/mini/filings", token, FilingForms.individualForm(FilingForms.newOriginalId())).id();
        uploads.upload(token, recentDraft, "PERSON_ID_FRONT", TestFiles.jpeg(), "f.jpg", "image/jpeg");
        // a draft abandoned 400 days ago, and a filing revoked 200 days ago
        long abandoned = api.post("/api/mini/filings", token, FilingForms.individualForm(FilingForms.newOriginalId())).id();
        // a photo WeChat reads: what it read must go with the file
        var abandonedFile = uploads.upload(token, abandoned, "PERSON_ID_FRONT",
                SimulatedDocuments.idCardFront("王五", FilingForms.RESPONSIBLE_ID), "a.png", "image/png");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT COUNT(*) FROM material_recognition WHERE file_id = ? AND status = 'DONE' AND fields_cipher IS NOT NULL",
                Integer.class, abandonedFile.id())).isEqualTo(1));
        long revoked = api.post("/api/mini/filings", token, FilingForms.individualForm(FilingForms.newOriginalId())).id();
        var revokedFile = uploads.upload(token, revoked, "PERSON_ID_BACK", TestFiles.jpeg(), "r.jpg", "image/jpeg");
        int revokedVersion = api.get("/api/mini/filings/" + revoked, token).version();
        api.post("/api/mini/filings/" + revoked + "/revoke", token, Map.of("version", revokedVersion, "reason", "公众号已注销"));
        jdbc.update("UPDATE filing SET updated_at = UTC_TIMESTAMP(3) - INTERVAL 400 DAY WHERE id IN (?, ?)", live, abandoned);
        jdbc.update("UPDATE filing SET updated_at = UTC_TIMESTAMP(3) - INTERVAL 200 DAY WHERE id = ?", revoked);
        // an upload that was never confirmed, long expired, and one still within its grace period
        var orphan = uploads.ticket(token, recentDraft, "PERSON_ID_BACK", "o.jpg", "image/jpeg", TestFiles.jpeg().length);
        MaterialUploads.postToStorage(orphan, TestFiles.jpeg(), "o.jpg", null);
        var fresh = uploads.ticket(token, recentDraft, "SIGNED_INDIVIDUAL_FORM", "s.jpg", "image/jpeg", TestFiles.jpeg().length);
        MaterialUploads.postToStorage(fresh, TestFiles.jpeg(), "s.jpg", null);
        jdbc.update("UPDATE material_upload SET expires_at = UTC_TIMESTAMP(3) - INTERVAL 2 HOUR WHERE id = ?", orphan.get("ticketId"));
        String orphanKey = ((Map<String, String>) orphan.get("fields")).get("key");
        String freshKey = ((Map<String, String>) fresh.get("fields")).get("key");

        var outcome = cleanup.run();

        assertThat(outcome.expiredUploads()).isGreaterThanOrEqualTo(1);
        assertThat(storage.stat(orphanKey)).isEmpty();
        assertThat(status(orphan.get("ticketId"))).isEqualTo("EXPIRED");
        assertThat(storage.stat(freshKey)).as("still within its grace period").isPresent();
        assertThat(status(fresh.get("ticketId"))).isEqualTo("PENDING");

        assertThat(keysOf(live)).hasSize(7).allSatisfy(key -> assertThat(storage.stat(key)).isPresent());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM material_file WHERE filing_id = ? AND purged_at IS NOT NULL",
                Integer.class, live)).isZero();
        assertThat(keysOf(recentDraft)).allSatisfy(key -> assertThat(storage.stat(key)).isPresent());

        assertThat(purgedAt(abandonedFile.id())).isNotNull();
        assertThat(purgedAt(revokedFile.id())).isNotNull();
        assertThat(storage.stat(objectKey(abandonedFile.id()))).isEmpty();
        assertThat(storage.stat(objectKey(revokedFile.id()))).isEmpty();
        assertThat(jdbc.queryForMap("SELECT status, fields_cipher, readable FROM material_recognition WHERE file_id = ?",
                abandonedFile.id())).as("the recognised name and number are deleted with the photo")
                .containsEntry("status", "PURGED").containsEntry("fields_cipher", null).containsEntry("readable", null);
        var gone = api.download("/api/mini/filings/" + revoked + "/materials/" + revokedFile.id() + "/content", token);
        assertThat(gone.status()).isEqualTo(410);

        // a second run finds nothing more to do
        assertThat(cleanup.run().purgedFiles()).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theScheduledRunSkipsWhileAnotherInstanceHoldsTheLock() {
        MiniApi api = MiniApi.on(port);
        String token = api.loginWithConsent("lock-" + UUID.randomUUID()).accessToken();
        long filing = api.post("/api/mini/filings", token, FilingForms.unitForm(FilingForms.newOriginalId())).id();
        var orphan = new MaterialUploads(api).ticket(token, filing, "LICENCE", "o.jpg", "image/jpeg", 10);
        jdbc.update("UPDATE material_upload SET expires_at = UTC_TIMESTAMP(3) - INTERVAL 2 HOUR WHERE id = ?", orphan.get("ticketId"));
        jdbc.update("DELETE FROM shedlock WHERE name = 'material-cleanup'");
        jdbc.update("INSERT INTO shedlock (name, lock_until, locked_at, locked_by) "
                + "VALUES ('material-cleanup', UTC_TIMESTAMP(3) + INTERVAL 10 MINUTE, UTC_TIMESTAMP(3), 'other-instance')");

        cleanup.scheduledRun();
        assertThat(status(orphan.get("ticketId"))).as("another instance holds the lock").isEqualTo("PENDING");

        // the other instance's lock runs out
        jdbc.update("UPDATE shedlock SET lock_until = UTC_TIMESTAMP(3) - INTERVAL 1 SECOND WHERE name = 'material-cleanup'");
        cleanup.scheduledRun();
        assertThat(status(orphan.get("ticketId"))).isEqualTo("EXPIRED");
        assertThat(jdbc.queryForObject("SELECT locked_by FROM shedlock WHERE name = 'material-cleanup'", String.class))
                .isNotEqualTo("other-instance");
    }

    private java.util.List<String> keysOf(long filingId) {
        return jdbc.queryForList("SELECT object_key FROM material_file WHERE filing_id = ?", String.class, filingId);
    }

    private String status(Object ticketId) {
        return jdbc.queryForObject("SELECT status FROM material_upload WHERE id = ?", String.class, ticketId);
    }

    private Object purgedAt(long fileId) {
        return jdbc.queryForObject("SELECT purged_at FROM material_file WHERE id = ?", Object.class, fileId);
    }

    private String objectKey(long fileId) {
        return jdbc.queryForObject("SELECT object_key FROM material_file WHERE id = ?", String.class, fileId);
    }
}
