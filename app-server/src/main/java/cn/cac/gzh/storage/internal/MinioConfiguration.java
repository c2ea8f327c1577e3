package cn.cac.gzh.storage.internal;

import java.util.concurrent.TimeUnit;

import cn.cac.gzh.storage.StorageProperties;
import io.minio.MinioClient;
import okhttp3.OkHttpClient;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MinioConfiguration {

    /** Talks to the storage server. */
    @Bean
    MinioClient minioClient(StorageProperties properties) {
        return client(properties, properties.endpoint().toString());
    }

    /**
     * Only signs URLs for clients (no network calls: the region is given), so the host inside
     * presigned URLs is the one clients reach.
     */
    @Bean
    PresigningClient presigningClient(StorageProperties properties) {
        return new PresigningClient(client(properties, properties.clientEndpoint().toString()));
    }

    record PresigningClient(MinioClient client) {
    }

    private static MinioClient client(StorageProperties properties, String endpoint) {
        // Short connect timeout: an unreachable server must fail a request (and the health check) quickly. Retrying on a
        // connection failure stays on: a pooled connection the server has already closed ("unexpected end of stream")
        // must not fail a request; OkHttp retries only before the request was sent and tries no route twice.
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(properties.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(properties.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(properties.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .retryOnConnectionFailure(true)
                .build();
        return MinioClient.builder()
                .endpoint(endpoint)
                .region(properties.region())
                .credentials(properties.accessKey(), properties.secretKey())
                .httpClient(http)
                .build();
    }
}
