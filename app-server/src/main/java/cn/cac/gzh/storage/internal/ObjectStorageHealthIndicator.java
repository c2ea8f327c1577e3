package cn.cac.gzh.storage.internal;

import cn.cac.gzh.storage.StorageProperties;
import io.minio.BucketExistsArgs;
import io.minio.MinioClient;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** Health component {@code storage}: UP when the bucket answers, DOWN with the reason otherwise. */
@Component("storageHealthIndicator")
class ObjectStorageHealthIndicator extends AbstractHealthIndicator {

    private final MinioClient client;
    private final StorageProperties properties;

    ObjectStorageHealthIndicator(MinioClient client, StorageProperties properties) {
        super("Object storage health check failed");
        this.client = client;
        this.properties = properties;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        builder.withDetail("endpoint", properties.endpoint().toString()).withDetail("bucket", properties.bucket());
        if (client.bucketExists(BucketExistsArgs.builder().bucket(properties.bucket()).build())) {
            builder.up();
        } else {
            builder.down().withDetail("error", "bucket does not exist");
        }
    }
}
