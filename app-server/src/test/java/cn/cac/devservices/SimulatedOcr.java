package cn.cac.devservices;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import tools.jackson.databind.json.JsonMapper;

/**
 * WeChat's {@code /cv/ocr/idcard} and {@code /cv/ocr/bizlicense}: downloads the image at {@code img_url} (as
 * WeChat does, so the link's signature and lifetime are really exercised) and answers with the fields a
 * {@link SimulatedDocuments} photo carries, in WeChat's response format.
 */
final class SimulatedOcr implements ResponseDefinitionTransformerV2 {

    static final String NAME = "sim-ocr";
    private static final JsonMapper JSON = new JsonMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        var request = serveEvent.getRequest();
        var imageUrl = request.queryParameter("img_url");
        if (!imageUrl.isPresent()) {
            return answer(Map.of("errcode", 47001, "errmsg", "data format error"));
        }
        Optional<byte[]> image = download(imageUrl.firstValue());
        if (image.isEmpty()) {
            return answer(Map.of("errcode", 101000, "errmsg", "image url error or fetch image error"));
        }
        boolean idCard = request.getUrl().startsWith("/cv/ocr/idcard");
        return SimulatedDocuments.printedFields(image.get())
                .filter(fields -> idCard == fields.containsKey("type"))
                .map(fields -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("errcode", 0);
                    body.put("errmsg", "ok");
                    body.putAll(fields);
                    return answer(body);
                })
                .orElseGet(() -> answer(Map.of("errcode", 101001, "errmsg", "certificate not found")));
    }

    private Optional<byte[]> download(String url) {
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static ResponseDefinition answer(Map<String, Object> body) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(JSON.writeValueAsString(body)).build();
    }
}
