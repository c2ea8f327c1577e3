package cn.cac.gzh.storage.internal;

import java.util.concurrent.TimeUnit;

import cn.cac.gzh.storage.StorageProperties;
import io.minio.MinioClient;
import okhttp3.OkHttpClient;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MinioConfiguration {

    @Bean
    MinioClient minioClient(StorageProperties properties) {
        // Short connect timeout: an unreachable server must fail a request (and the health check) quickly.
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(properties.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(properties.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(properties.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .retryOnConnectionFailure(false)
                .build();
        return MinioClient.builder()
                .endpoint(properties.endpoint().toString())
                .region(properties.region())
                .credentials(properties.accessKey(), properties.secretKey())
                .httpClient(http)
                .build();
    }
}
