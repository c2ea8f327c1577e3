package cn.cac.testsupport;

import java.util.List;
import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** The mini-program's side of the HTTP API, as a test drives it: any status is returned, never thrown. */
public final class MiniApi {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    private final RestClient client;

    private MiniApi(RestClient client) {
        this.client = client;
    }

    public static MiniApi on(int port) {
        return new MiniApi(LocalServer.client(port));
    }

    /** An answer: status and parsed JSON body (empty map when there is none). */
    public record Response(int status, Map<String, Object> body) {

        public String code() {
            return (String) body.get("code");
        }

        public Object get(String key) {
            return body.get(key);
        }

        public long id() {
            return ((Number) body.get("id")).longValue();
        }

        public int version() {
            return ((Number) body.get("version")).intValue();
        }

        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> fieldErrors() {
            return (List<Map<String, Object>>) body.get("fieldErrors");
        }

        @SuppressWarnings("unchecked")
        public Map<String, Object> map(String key) {
            return (Map<String, Object>) body.get(key);
        }
    }

    /** A logged-in operator. */
    public record Session(String accessToken, String refreshToken, long operatorId) {
    }

    public Response get(String path, String token) {
        return exchange(HttpMethod.GET, path, token, null);
    }

    public Response post(String path, String token, Object body) {
        return exchange(HttpMethod.POST, path, token, body);
    }

    public Response put(String path, String token, Object body) {
        return exchange(HttpMethod.PUT, path, token, body);
    }

    /** A binary answer (files, PDFs). */
    public record Download(int status, String contentType, byte[] body) {
    }

    public Download download(String path, String token) {
        var request = client.get().uri(path);
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        return request.exchange((req, res) -> new Download(res.getStatusCode().value(),
                String.valueOf(res.getHeaders().getContentType()), res.getBody().readAllBytes()));
    }

    /** Sends {@code raw} as it is, declared as JSON (for malformed bodies). */
    public Response postRaw(String path, String token, String raw) {
        var request = client.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(raw);
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        return request.exchange((req, res) -> new Response(res.getStatusCode().value(), readBody(res)));
    }

    public Session login(String code) {
        Response response = post("/api/mini/auth/login", null, Map.of("code", code));
        if (response.status() != 200) {
            throw new IllegalStateException("login failed: " + response);
        }
        return new Session((String) response.get("accessToken"), (String) response.get("refreshToken"),
                ((Number) response.get("operatorId")).longValue());
    }

    /** Logs in and accepts the current privacy notice, ready to file. */
    public Session loginWithConsent(String code) {
        Session session = login(code);
        String version = (String) get("/api/mini/privacy-notice", null).get("version");
        Response consent = post("/api/mini/me/consents", session.accessToken(),
                Map.of("version", version, "personalInfo", true, "sensitiveInfo", true));
        if (consent.status() != 201) {
            throw new IllegalStateException("consent failed: " + consent);
        }
        return session;
    }

    private Response exchange(HttpMethod method, String path, String token, Object body) {
        var request = client.method(method).uri(path);
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.exchange((req, res) -> new Response(res.getStatusCode().value(), readBody(res)));
    }

    private static Map<String, Object> readBody(org.springframework.http.client.ClientHttpResponse response)
            throws java.io.IOException {
        byte[] bytes = response.getBody().readAllBytes();
        if (bytes.length == 0) {
            return Map.of();
        }
        Object parsed = tools.jackson.databind.json.JsonMapper.builder().build().readValue(bytes, Object.class);
        if (parsed instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> body = (Map<String, Object>) map;
            return body;
        }
        // a JSON array answer is exposed under "items"
        return Map.of("items", parsed);
    }
}
