package cn.cac.testsupport;

import java.net.http.HttpClient;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** A client of the application under test, which tolerates error statuses so tests can assert them. */
public final class LocalServer {

    /**
     * The JDK's client, which opens as many connections as there are requests: the default factory
     * (Apache HttpClient 5, on the test class path) allows only 5 per host, which would quietly turn a
     * burst of simultaneous users into a queue of five.
     */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private LocalServer() {
    }

    /** A client for absolute URLs (e.g. the storage server's presigned upload address). */
    public static RestClient anywhere() {
        return RestClient.builder().requestFactory(new JdkClientHttpRequestFactory(HTTP)).build();
    }

    public static RestClient client(int port) {
        return RestClient.builder()
                .requestFactory(new JdkClientHttpRequestFactory(HTTP))
                .baseUrl("http://127.0.0.1:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }
}
