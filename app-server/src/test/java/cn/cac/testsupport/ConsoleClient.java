package cn.cac.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * The web console's side of the API, as a browser does it: a cookie jar (session + XSRF-TOKEN),
 * the X-XSRF-TOKEN header on writes.
 */
public final class ConsoleClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private final java.util.Map<String, String> extraHeaders = new java.util.LinkedHashMap<>();

    public ConsoleClient(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    /** Sends this header with every later request (e.g. X-Forwarded-For, as a proxy would add it). */
    public ConsoleClient withHeader(String name, String value) {
        extraHeaders.put(name, value);
        return this;
    }

    public record Answer(int status, Map<String, Object> body, HttpResponse<String> raw) {

        public String code() {
            return (String) body.get("code");
        }

        public Object get(String key) {
            return body.get(key);
        }
    }

    /** Fetches a CSRF token (sets the XSRF-TOKEN cookie) and signs in. */
    public Answer login(String username, String password) {
        get("/api/console/auth/csrf");
        return post("/api/console/auth/login", Map.of("username", username, "password", password));
    }

    public Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), true);
    }

    public Answer post(String path, Object body) {
        return send(write("POST", path, body), true);
    }

    public Answer put(String path, Object body) {
        return send(write("PUT", path, body), true);
    }

    /** A write whose body is sent exactly as given (malformed JSON), with the CSRF header. */
    public Answer sendRaw(String method, String path, String rawJson) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(rawJson)), true);
    }

    /** A write whose body is sent byte for byte (random bytes, invalid UTF-8), declared as JSON, with the CSRF header. */
    public Answer sendBytes(String method, String path, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)), true);
    }

    /** A file as {@code multipart/form-data} in the part {@code part}, with the CSRF header. */
    public Answer postFile(String path, String part, String fileName, String contentType, byte[] content) {
        String boundary = "----gzh" + java.util.UUID.randomUUID().toString().replace("-", "");
        var body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), true);
    }

    /** Any method without a body (DELETE …), with the CSRF header. */
    public Answer send(String method, String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).method(method, HttpRequest.BodyPublishers.noBody()), true);
    }

    /** A write without the CSRF header, as a forged cross-site request would be. */
    public Answer postWithoutCsrf(String path, Object body) {
        return send(write("POST", path, body), false);
    }

    /** Sends the operator's bearer token instead of a session (the console must ignore it). */
    public Answer getWithBearer(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token).GET(), false);
    }

    /** A binary answer (exports), with the session cookie. */
    public HttpResponse<byte[]> download(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public List<HttpCookie> cookies() {
        return cookies.getCookieStore().getCookies();
    }

    private HttpRequest.Builder write(String method, String path, Object body) {
        try {
            String json = body == null ? "" : JSON.writeValueAsString(body);
            return HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        } catch (RuntimeException e) {
            throw e;
        }
    }

    private Answer send(HttpRequest.Builder request, boolean withCsrf) {
        extraHeaders.forEach(request::header);
        if (withCsrf) {
            cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst()
                    .ifPresent(c -> request.header("X-XSRF-TOKEN", c.getValue()));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, Object> body = Map.of();
            String text = response.body();
            if (text != null && !text.isBlank() && text.strip().startsWith("{")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> parsed = JSON.readValue(text, Map.class);
                body = parsed;
            } else if (text != null && text.strip().startsWith("[")) {
                body = Map.of("items", JSON.readValue(text, List.class));
            }
            return new Answer(response.statusCode(), body, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
