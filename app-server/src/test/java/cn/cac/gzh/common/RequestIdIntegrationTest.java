package cn.cac.gzh.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import cn.cac.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

/** Every answer carries a request id: the caller's when well-formed, a new one otherwise. */
@IntegrationTest
class RequestIdIntegrationTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theCallersWellFormedIdIsKeptAndAnyOtherReplaced() throws Exception {
        assertThat(requestId(null)).matches("[0-9a-f]{16}");
        assertThat(requestId("mini-7f3a.2")).isEqualTo("mini-7f3a.2");
        assertThat(requestId("two words")).matches("[0-9a-f]{16}");
        assertThat(requestId("x".repeat(65))).matches("[0-9a-f]{16}");
        assertThat(requestId("<script>")).matches("[0-9a-f]{16}");
    }

    @Test
    void errorAnswersCarryItToo() throws Exception {
        HttpResponse<String> unauthorised = http.send(HttpRequest.newBuilder(uri("/api/mini/filings"))
                .header("X-Request-Id", "err-1").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unauthorised.statusCode()).isEqualTo(401);
        assertThat(unauthorised.headers().firstValue("X-Request-Id")).hasValue("err-1");
    }

    private String requestId(String given) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/mini/office")).GET();
        if (given != null) {
            request.header("X-Request-Id", given);
        }
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.headers().firstValue("X-Request-Id").orElseThrow();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
