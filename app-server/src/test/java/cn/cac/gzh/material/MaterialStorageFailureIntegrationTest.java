package cn.cac.gzh.material;

import java.util.UUID;

import cn.cac.devservices.DevServices;
import cn.cac.gzh.storage.StorageProperties;
import cn.cac.testsupport.FilingForms;
import cn.cac.testsupport.IntegrationTest;
import cn.cac.testsupport.MaterialUploads;
import cn.cac.testsupport.MiniApi;
import cn.cac.testsupport.TestFiles;
import io.minio.MinioClient;
import io.minio.RemoveBucketArgs;
import io.minio.MakeBucketArgs;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Storage trouble (bucket gone, server down) gives the caller a clear 503 and leaves no half-written
 * rows: upload tickets, confirmations and downloads. A context of its own, because it breaks its storage on purpose.
 */
@IntegrationTest
@TestPropertySource(properties = "material.confirm-grace=61m")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class MaterialStorageFailureIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DevServices devServices;
    @Autowired
    MinioClient minio;
    @Autowired
    StorageProperties storage;

    @Test
    void missingBucketThenStoppedServerAnswer503AndChangeNothing() throws Exception {
        MiniApi api = MiniApi.on(port);
        MaterialUploads uploads = new MaterialUploads(api);
        String token = api.loginWithConsent("storage-down-" + UUID.randomUUID()).accessToken();
        long filingId = api.post("/api/mini/filings", token, FilingForms.unitForm(FilingForms.newOriginalId())).id();
        byte[] jpeg = TestFiles.jpeg();

        // the bucket disappears (still empty: nothing uploaded yet)
        var ticket = uploads.ticket(token, filingId, "LICENCE", "l.jpg", "image/jpeg", jpeg.length);
        minio.removeBucket(RemoveBucketArgs.builder().bucket(storage.bucket()).build());
        var noBucket = uploads.confirm(token, filingId, ticket);
        assertThat(noBucket.status()).isEqualTo(503);
        assertThat(noBucket.code()).isEqualTo("STORAGE_UNAVAILABLE");
        assertThat((String) noBucket.get("message")).contains("文件存储服务暂时不可用");
        assertThat(files(filingId)).isZero();
        assertThat(ticketStatus(ticket)).isEqualTo("PENDING");
        minio.makeBucket(MakeBucketArgs.builder().bucket(storage.bucket()).build());

        // a file that was filed before the server goes down
        var filed = uploads.upload(token, filingId, "RESPONSIBLE_ID_FRONT", jpeg, "f.jpg", "image/jpeg");
        var pending = uploads.ticket(token, filingId, "LICENCE", "l.jpg", "image/jpeg", jpeg.length);
        assertThat(MaterialUploads.postToStorage(pending, jpeg, "l.jpg", null).status()).isEqualTo(204);

        devServices.stop("S3 (s3proxy)");

        // a new upload ticket: refused before any row is written (signing itself needs no network call)
        int uploadRows = rows("material_upload", filingId), fileRows = rows("material_file", filingId);
        var refused = uploads.ticket(token, filingId, "LICENCE", "n.jpg", "image/jpeg", jpeg.length);
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.code()).isEqualTo("STORAGE_UNAVAILABLE");
        assertThat((String) refused.get("message")).isEqualTo("文件存储服务暂时不可用，请稍后再试");
        assertThat(rows("material_upload", filingId)).isEqualTo(uploadRows);
        assertThat(rows("material_file", filingId)).isEqualTo(fileRows);

        var confirm = uploads.confirm(token, filingId, pending);
        assertThat(confirm.status()).isEqualTo(503);
        assertThat(confirm.code()).isEqualTo("STORAGE_UNAVAILABLE");
        assertThat(files(filingId)).isEqualTo(1);
        assertThat(ticketStatus(pending)).isEqualTo("PENDING");
        var download = api.download("/api/mini/filings/" + filingId + "/materials/" + filed.id() + "/content", token);
        assertThat(download.status()).isEqualTo(503);
        var health = api.get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.map("components").get("storage").toString()).contains("DOWN");
        // the rest of the service keeps working
        assertThat(api.get("/api/mini/filings/" + filingId, token).status()).isEqualTo(200);
    }

    private int rows(String table, long filingId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE filing_id = ?", Integer.class, filingId);
    }

    private int files(long filingId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM material_file WHERE filing_id = ?", Integer.class, filingId);
    }

    private String ticketStatus(MiniApi.Response ticket) {
        return jdbc.queryForObject("SELECT status FROM material_upload WHERE id = ?", String.class, ticket.get("ticketId"));
    }
}
