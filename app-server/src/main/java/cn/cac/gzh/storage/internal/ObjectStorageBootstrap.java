package cn.cac.gzh.storage.internal;

import cn.cac.gzh.common.ExternalServiceUnavailableException;
import cn.cac.gzh.storage.StorageProperties;
import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.errors.ErrorResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Creates the bucket at start when it is missing. Buckets are private unless given a policy, and we
 * never give one: materials are reached only through short-lived presigned URLs.
 */
@Component
class ObjectStorageBootstrap implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(ObjectStorageBootstrap.class);

    private final MinioClient client;
    private final StorageProperties properties;

    ObjectStorageBootstrap(MinioClient client, StorageProperties properties) {
        this.client = client;
        this.properties = properties;
    }

    @Override
    public void afterPropertiesSet() {
        String bucket = properties.bucket();
        try {
            if (client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                log.info("Object storage bucket ready: bucket={} endpoint={}", bucket, properties.endpoint());
                return;
            }
            client.makeBucket(MakeBucketArgs.builder().bucket(bucket).region(properties.region()).build());
            log.info("Object storage bucket created: bucket={} endpoint={}", bucket, properties.endpoint());
        } catch (ErrorResponseException e) {
            // Another instance created it between our check and our request.
            if (!"BucketAlreadyOwnedByYou".equals(e.errorResponse().code())) {
                throw unusable(e);
            }
        } catch (Exception e) {
            throw unusable(e);
        }
    }

    private ExternalServiceUnavailableException unusable(Exception e) {
        return new ExternalServiceUnavailableException("Object storage", properties.endpoint() + " (bucket "
                + properties.bucket() + ")", StorageProperties.SETTINGS, e);
    }
}
