package cn.cac.gzh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.cac.testsupport.IntegrationTest;
import cn.cac.testsupport.LocalServer;
import cn.cac.testsupport.MiniApi;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every API operation is in the OpenAPI document with a Chinese summary; the document is written to
 * target/openapi.json for the mini-program's contract test (miniprogram/test/contract.test.js).
 */
@IntegrationTest
class OpenApiDocumentationIntegrationTest {

    /** Read by miniprogram/test/contract.test.js (the miniprogram module builds after this one). */
    static final Path DOCUMENT = Path.of(System.getProperty("basedir", "."), "target", "openapi.json");

    @LocalServerPort
    int port;

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationHasAChineseSummary() {
        var api = MiniApi.on(port).get("/v3/api-docs", null);
        assertThat(api.status()).isEqualTo(200);
        Map<String, Map<String, Map<String, Object>>> paths = (Map<String, Map<String, Map<String, Object>>>) api.get("paths");

        List<String> undocumented = new ArrayList<>();
        List<String> withoutBusyAnswer = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            // WeChat's callback portal answers WeChat's servers only (they retry by themselves)
            boolean forPeople = !path.startsWith("/wechat/portal/");
            if (forPeople && (!(operation.get("responses") instanceof Map<?, ?> responses) || !responses.containsKey("503"))) {
                withoutBusyAnswer.add(method.toUpperCase() + " " + path);
            }
            Object summary = operation.get("summary");
            if (!(summary instanceof String text) || !text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                undocumented.add(method.toUpperCase() + " " + path);
            }
        }));

        assertThat(paths).containsKeys("/api/mini/auth/login", "/api/mini/filings", "/api/mini/filings/{id}/submit",
                "/api/mini/self-check", "/api/mini/office", "/api/regions/dictionary");
        assertThat(undocumented).isEmpty();
        assertThat(withoutBusyAnswer).as("operations that do not document 503 DATABASE_BUSY").isEmpty();
        assertThat(api.map("components").toString()).contains("bearer");
    }

    @Test
    void writesTheDocumentForTheMiniProgramContractTest() throws IOException {
        var answer = LocalServer.client(port).get().uri("/v3/api-docs").retrieve().toEntity(String.class);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getBody()).contains("\"/api/mini/auth/login\"");

        Files.createDirectories(DOCUMENT.getParent());
        Files.writeString(DOCUMENT, answer.getBody(), StandardCharsets.UTF_8);
        assertThat(Files.readString(DOCUMENT, StandardCharsets.UTF_8)).startsWith("{").contains("\"paths\"");
    }
}
