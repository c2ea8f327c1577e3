package cn.cac.gzh.material;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.cac.devservices.SimulatedDocuments;
import cn.cac.testsupport.ConsoleClient;
import cn.cac.testsupport.FilingForms;
import cn.cac.testsupport.IntegrationTest;
import cn.cac.testsupport.MaterialUploads;
import cn.cac.testsupport.MiniApi;
import cn.cac.testsupport.WechatSimulatorClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/** An office that switched the automatic check off: no photo goes to WeChat, and no check is shown. */
@IntegrationTest
@TestPropertySource(properties = "material.recognition.enabled=false")
class MaterialRecognitionSwitchedOffIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Value("${wechat.api-base-url}")
    String wechatBaseUrl;

    @Test
    @SuppressWarnings("unchecked")
    void nothingIsSentToWechatAndNoCheckIsShown() throws InterruptedException {
        MiniApi api = MiniApi.on(port);
        String token = api.loginWithConsent("ocr-off-" + UUID.randomUUID()).accessToken();
        long filingId = api.post("/api/mini/filings", token, FilingForms.unitForm(FilingForms.newOriginalId())).id();

        var confirmed = new MaterialUploads(api).upload(token, filingId, "RESPONSIBLE_ID_FRONT",
                SimulatedDocuments.idCardFront("王五", "110105194912310037"), "front.png", "image/png");

        assertThat(confirmed.body()).containsEntry("check", null);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM material_recognition WHERE filing_id = ?", Integer.class, filingId))
                .isZero();
        Thread.sleep(1_500); // a worker would have taken it by now (tests poll every 300 ms)
        String key = jdbc.queryForObject("SELECT object_key FROM material_file WHERE id = ?", String.class, confirmed.id());
        assertThat(WechatSimulatorClient.connect(wechatBaseUrl).find(postRequestedFor(urlPathMatching("/cv/ocr/.*"))))
                .noneMatch(r -> r.queryParameter("img_url").firstValue().contains(key));
        var checklist = api.get("/api/mini/filings/" + filingId + "/materials", token);
        assertThat(checklist.get("items").toString()).contains("check=null").doesNotContain("PENDING");

        ConsoleClient admin = new ConsoleClient(port);
        admin.login("admin", IntegrationTest.ADMIN_PASSWORD);
        var materials = (List<Map<String, Object>>) admin.get("/api/console/review/filings/" + filingId).get("materials");
        assertThat(materials).singleElement().satisfies(m -> assertThat(m).containsEntry("check", null));
    }
}
