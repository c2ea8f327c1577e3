package cn.cac.gzh.material;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.cac.gzh.storage.ObjectStorage;
import cn.cac.testsupport.FilingForms;
import cn.cac.testsupport.IntegrationTest;
import cn.cac.testsupport.MaterialUploads;
import cn.cac.testsupport.MiniApi;
import cn.cac.testsupport.TestFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads go straight to a real S3-compatible server through presigned POST policies, exactly as
 * {@code wx.uploadFile} sends them; the server enforces key, type and size; confirmation catches the rest.
 */
@IntegrationTest
class MaterialUploadIntegrationTest {

    private static final int TEN_MB = 10 * 1024 * 1024;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectStorage storage;
    @Autowired
    MaterialAccess access;

    MiniApi api;
    MaterialUploads uploads;
    String token;
    long filingId;

    @BeforeEach
    void setUp() {
        api = MiniApi.on(port);
        uploads = new MaterialUploads(api);
        token = api.loginWithConsent("material-" + UUID.randomUUID()).accessToken();
        filingId = api.post("/api/mini/filings", token, FilingForms.unitForm(FilingForms.newOriginalId())).id();
    }

    @Test
    void goodFileIsStoredConfirmedAndListed() throws Exception {
        byte[] jpeg = TestFiles.jpeg();
        var ticket = uploads.ticket(token, filingId, "LICENCE", "营业执照.jpg", "image/jpeg", jpeg.length);
        assertThat(ticket.status()).isEqualTo(201);
        @SuppressWarnings("unchecked")
        Map<String, String> fields = (Map<String, String>) ticket.get("fields");
        assertThat(fields).containsKeys("key", "policy", "x-amz-signature", "x-amz-credential", "Content-Type");
        assertThat(fields.get("key")).matches("u/[0-9a-f]{32}").doesNotContain("营业执照");

        var stored = MaterialUploads.postToStorage(ticket, jpeg, "营业执照.jpg", null);
        assertThat(stored.status()).isEqualTo(204);

        var confirmed = uploads.confirm(token, filingId, ticket);
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.get("sha256")).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(jpeg)));
        assertThat(((Number) confirmed.get("size")).intValue()).isEqualTo(jpeg.length);
        assertThat(confirmed.get("fileName")).isEqualTo("营业执照.jpg");
        String objectKey = jdbc.queryForObject("SELECT object_key FROM material_file WHERE id = ?", String.class, confirmed.id());
        assertThat(objectKey).matches("m/[0-9a-f]{32}");
        assertThat(storage.stat(objectKey)).isPresent();
        assertThat(storage.stat(fields.get("key"))).as("the writable upload key is emptied").isEmpty();

        // confirming twice files it once
        assertThat(uploads.confirm(token, filingId, ticket).id()).isEqualTo(confirmed.id());
        var list = api.get("/api/mini/filings/" + filingId + "/materials", token);
        assertThat(list.get("missing").toString()).doesNotContain("LICENCE").contains("SIGNED_UNIT_FORM");

        var content = api.download("/api/mini/filings/" + filingId + "/materials/" + confirmed.id() + "/content", token);
        assertThat(content.status()).isEqualTo(200);
        assertThat(content.contentType()).isEqualTo("image/jpeg");
        assertThat(content.body()).isEqualTo(jpeg);
    }

    @Test
    void oversizedUploadIsRefusedByTheStorageServerAndNothingIsFiled() {
        byte[] tooBig = new byte[TEN_MB + 1];
        var ticket = uploads.ticket(token, filingId, "LICENCE", "big.pdf", "application/pdf", TEN_MB);

        var stored = MaterialUploads.postToStorage(ticket, tooBig, "big.pdf", null);

        assertThat(stored.status()).isEqualTo(400);
        assertThat(stored.body()).contains("EntityTooLarge");
        var confirmed = uploads.confirm(token, filingId, ticket);
        assertThat(confirmed.status()).isEqualTo(409);
        assertThat(confirmed.code()).isEqualTo("UPLOAD_MISSING");
        assertThat(fileCount()).isZero();
    }

    @Test
    void wrongContentTypeIsRefusedByTheStorageServer() {
        byte[] png = TestFiles.png();
        var ticket = uploads.ticket(token, filingId, "LICENCE", "licence.jpg", "image/jpeg", png.length);

        var stored = MaterialUploads.postToStorage(ticket, png, "licence.png", "image/png");

        assertThat(stored.status()).isEqualTo(403);
        assertThat(stored.body()).contains("AccessDenied");
        assertThat(uploads.confirm(token, filingId, ticket).code()).isEqualTo("UPLOAD_MISSING");
        assertThat(fileCount()).isZero();
    }

    @Test
    void aPngDisguisedAsPdfIsCaughtAtConfirmationAndDeleted() {
        byte[] png = TestFiles.png();
        var ticket = uploads.ticket(token, filingId, "SIGNED_UNIT_FORM", "表一.pdf", "application/pdf", png.length);
        assertThat(MaterialUploads.postToStorage(ticket, png, "表一.pdf", null).status()).isEqualTo(204);
        @SuppressWarnings("unchecked")
        String uploadKey = ((Map<String, String>) ticket.get("fields")).get("key");
        assertThat(storage.stat(uploadKey)).isPresent();

        var confirmed = uploads.confirm(token, filingId, ticket);

        assertThat(confirmed.status()).isEqualTo(400);
        assertThat(confirmed.code()).isEqualTo("FILE_TYPE_MISMATCH");
        assertThat(storage.stat(uploadKey)).as("the disguised object is deleted").isEmpty();
        assertThat(fileCount()).isZero();
        assertThat(jdbc.queryForObject("SELECT status FROM material_upload WHERE id = ?", String.class, ticket.get("ticketId")))
                .isEqualTo("REFUSED");
        assertThat(uploads.confirm(token, filingId, ticket).code()).isEqualTo("UPLOAD_TICKET_CLOSED");
    }

    @Test
    @SuppressWarnings("unchecked")
    void reUploadReplacesTheCurrentFileAndKeepsTheHistory() {
        var first = uploads.upload(token, filingId, "ADMIN_ID_FRONT", TestFiles.jpeg(), "front-1.jpg", "image/jpeg");
        var second = uploads.upload(token, filingId, "ADMIN_ID_FRONT", TestFiles.pdf(), "front-2.pdf", "application/pdf");

        var list = api.get("/api/mini/filings/" + filingId + "/materials", token);
        Map<String, Object> item = ((List<Map<String, Object>>) list.get("items")).stream()
                .filter(i -> "ADMIN_ID_FRONT".equals(i.get("materialType"))).findFirst().orElseThrow();
        assertThat(((Map<String, Object>) item.get("current")).get("id")).isEqualTo(((Number) second.get("id")).intValue());
        assertThat((List<Map<String, Object>>) item.get("history")).extracting(h -> h.get("fileName")).containsExactly("front-1.jpg");
        String firstKey = jdbc.queryForObject("SELECT object_key FROM material_file WHERE id = ?", String.class, first.id());
        assertThat(storage.stat(firstKey)).as("history is kept").isPresent();
    }

    @Test
    void ticketRequestsAreValidated() {
        assertThat(uploads.ticket(token, filingId, "LICENCE", "a.gif", "image/gif", 100).code()).isEqualTo("FILE_TYPE_NOT_ALLOWED");
        var tooLarge = uploads.ticket(token, filingId, "LICENCE", "a.pdf", "application/pdf", TEN_MB + 1L);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.code()).isEqualTo("FILE_TOO_LARGE");
        assertThat(uploads.ticket(token, filingId, "PERSON_ID_FRONT", "a.jpg", "image/jpeg", 100).code())
                .isEqualTo("MATERIAL_TYPE_NOT_IN_CHECKLIST");
        var unknownType = api.post("/api/mini/filings/" + filingId + "/materials/uploads", token,
                Map.of("materialType", "PASSPORT", "fileName", "a.jpg", "contentType", "image/jpeg", "size", 1));
        assertThat(unknownType.code()).isEqualTo("MALFORMED_REQUEST");
        var missingSize = api.post("/api/mini/filings/" + filingId + "/materials/uploads", token,
                Map.of("materialType", "LICENCE", "fileName", "a.jpg", "contentType", "image/jpeg"));
        assertThat(missingSize.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM material_upload WHERE filing_id = ?", Integer.class, filingId))
                .isZero();
    }

    @Test
    void anotherOperatorsFilingAndFilesAnswer404() {
        var mine = uploads.upload(token, filingId, "LICENCE", TestFiles.jpeg(), "l.jpg", "image/jpeg");
        String mallory = api.loginWithConsent("mallory-" + UUID.randomUUID()).accessToken();

        assertThat(uploads.ticket(mallory, filingId, "LICENCE", "x.jpg", "image/jpeg", 10).status()).isEqualTo(404);
        assertThat(api.get("/api/mini/filings/" + filingId + "/materials", mallory).status()).isEqualTo(404);
        assertThat(api.download("/api/mini/filings/" + filingId + "/materials/" + mine.id() + "/content", mallory).status())
                .isEqualTo(404);
        assertThat(api.download("/api/mini/filings/" + filingId + "/form.pdf", mallory).status()).isEqualTo(404);
        long mallorysFiling = api.post("/api/mini/filings", mallory, FilingForms.unitForm(FilingForms.newOriginalId())).id();
        assertThat(api.download("/api/mini/filings/" + mallorysFiling + "/materials/" + mine.id() + "/content", mallory).status())
                .as("a file id under one's own filing that belongs to another").isEqualTo(404);
        assertThat(api.get("/api/mini/filings/" + filingId + "/materials", null).status()).isEqualTo(401);
    }

    @Test
    void materialsAreLockedWhileTheFilingIsUnderReview() {
        new MaterialUploads(api).completeChecklist(token, filingId, "UNIT");
        int version = api.get("/api/mini/filings/" + filingId, token).version();
        assertThat(api.post("/api/mini/filings/" + filingId + "/submit", token, Map.of("version", version)).status())
                .isEqualTo(200);

        var locked = uploads.ticket(token, filingId, "LICENCE", "new.jpg", "image/jpeg", 100);

        assertThat(locked.status()).isEqualTo(409);
        assertThat(locked.code()).isEqualTo("MATERIALS_LOCKED");
    }

    @Test
    void staffLinksWorkExpireAndAreAudited() throws Exception {
        byte[] pdf = TestFiles.pdf();
        var file = uploads.upload(token, filingId, "SIGNED_UNIT_FORM", pdf, "表一.pdf", "application/pdf");
        HttpClient http = HttpClient.newHttpClient();

        var link = access.issueStaffDownload(file.id(), 42, "10.1.2.3");
        HttpResponse<byte[]> download = http.send(HttpRequest.newBuilder(URI.create(link.url())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(pdf);
        assertThat(link.url()).contains("X-Amz-Expires=300");

        var shortLink = access.issueStaffDownload(file.id(), 42, "10.1.2.3", Duration.ofSeconds(1));
        Thread.sleep(2_500);
        HttpResponse<String> expired = http.send(HttpRequest.newBuilder(URI.create(shortLink.url())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(expired.statusCode()).isEqualTo(403);
        HttpResponse<String> tampered = http.send(HttpRequest.newBuilder(URI.create(link.url().replace("X-Amz-Signature=", "X-Amz-Signature=0"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tampered.statusCode()).isEqualTo(403);

        var longer = access.issueStaffDownload(file.id(), 42, "10.1.2.3", Duration.ofHours(1));
        assertThat(longer.url()).as("never longer than 5 minutes").contains("X-Amz-Expires=300");

        List<Map<String, Object>> audit = jdbc.queryForList(
                "SELECT actor_type, actor_id, action, client_ip, detail FROM audit_log WHERE target_type = 'MATERIAL_FILE' AND target_id = ?",
                String.valueOf(file.id()));
        assertThat(audit).hasSize(3).allSatisfy(row -> {
            assertThat(row.get("actor_type")).isEqualTo("STAFF");
            assertThat(((Number) row.get("actor_id")).longValue()).isEqualTo(42);
            assertThat(row.get("action")).isEqualTo("MATERIAL_DOWNLOAD_LINK");
            assertThat(row.get("client_ip")).isEqualTo("10.1.2.3");
        });
    }

    private int fileCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM material_file WHERE filing_id = ?", Integer.class, filingId);
    }
}
