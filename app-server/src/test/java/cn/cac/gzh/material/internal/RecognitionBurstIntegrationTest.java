package cn.cac.gzh.material.internal;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import cn.cac.devservices.SimulatedDocuments;
import cn.cac.testsupport.Burst;
import cn.cac.testsupport.FilingForms;
import cn.cac.testsupport.IntegrationTest;
import cn.cac.testsupport.MaterialUploads;
import cn.cac.testsupport.MiniApi;
import cn.cac.testsupport.WechatSimulatorClient;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A campaign's first morning: many operators upload at once while several workers (the background one and a
 * burst of extra rounds, as on several instances) claim the same queue. Every photo is read exactly once.
 */
@IntegrationTest
class RecognitionBurstIntegrationTest {

    private static final int OPERATORS = 16;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RecognitionWorker worker;
    @Value("${wechat.api-base-url}")
    String wechatBaseUrl;

    @Test
    void simultaneousUploadsAndWorkersReadEveryPhotoOnce() {
        MiniApi api = MiniApi.on(port);
        MaterialUploads uploads = new MaterialUploads(api);
        List<Long> files = Burst.values(Burst.of(OPERATORS, i -> {
            String token = api.loginWithConsent("ocr-burst-" + i + "-" + UUID.randomUUID()).accessToken();
            long filingId = api.post("/api/mini/filings", token, FilingForms.unitForm(FilingForms.newOriginalId())).id();
            return uploads.upload(token, filingId, "RESPONSIBLE_ID_FRONT",
                    SimulatedDocuments.idCardFront("张三", FilingForms.RESPONSIBLE_ID), "front.png", "image/png").id();
        }));
        // extra workers competing with the background one for the same rows
        Burst.values(Burst.of(6, i -> worker.runOnce()));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "SELECT status FROM material_recognition WHERE file_id IN (" + String.join(",", files.stream().map(String::valueOf).toList()) + ")",
                String.class)).hasSize(OPERATORS).containsOnly("DONE"));
        List<LoggedRequest> asked = WechatSimulatorClient.connect(wechatBaseUrl).find(postRequestedFor(urlPathEqualTo("/cv/ocr/idcard")));
        for (long file : files) {
            String key = jdbc.queryForObject("SELECT object_key FROM material_file WHERE id = ?", String.class, file);
            assertThat(asked.stream().filter(r -> r.queryParameter("img_url").firstValue().contains(key)).count())
                    .as("WeChat asked about file %d", file).isEqualTo(1);
        }
        assertThat(jdbc.queryForObject("SELECT MAX(attempts) FROM material_recognition WHERE file_id IN ("
                + String.join(",", files.stream().map(String::valueOf).toList()) + ")", Integer.class)).isEqualTo(1);
    }
}
