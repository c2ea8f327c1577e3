package cn.cac.gzh.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import cn.cac.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

/** Every answer carries a request id: the caller's when well-formed, a new one otherwise. */
@IntegrationTest
class RequestIdIntegrationTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

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
        // written by a security filter (ApiErrorWriter)
        assertThat(json.readTree(unauthorised.body()).path("requestId").asString()).isEqualTo("err-1");

        // answered by the exception handler (a controller's refusal): the id the service chose, in header and body
        HttpResponse<String> malformed = http.send(HttpRequest.newBuilder(uri("/api/mini/auth/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{not json"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(malformed.statusCode()).isEqualTo(400);
        String chosen = malformed.headers().firstValue("X-Request-Id").orElseThrow();
        var body = json.readTree(malformed.body());
        assertThat(body.path("code").asString()).isEqualTo("MALFORMED_REQUEST");
        assertThat(body.path("requestId").asString()).isEqualTo(chosen).matches("[0-9a-f]{16}");
    }

    @Test
    void successfulAnswersAreLeftAlone() throws Exception {
        HttpResponse<String> office = http.send(HttpRequest.newBuilder(uri("/api/mini/office")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(office.statusCode()).isEqualTo(200);
        assertThat(json.readTree(office.body()).has("requestId")).isFalse();
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
