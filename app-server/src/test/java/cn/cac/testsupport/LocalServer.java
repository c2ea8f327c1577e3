package cn.cac.testsupport;

import org.springframework.web.client.RestClient;

/** A client of the application under test, which tolerates error statuses so tests can assert them. */
public final class LocalServer {

    private LocalServer() {
    }

    public static RestClient client(int port) {
        return RestClient.builder()
                .baseUrl("http://127.0.0.1:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }
}
