package cn.cac.gzh.storage.internal;

import java.io.InputStream;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import cn.cac.gzh.storage.ObjectStorage;
import cn.cac.gzh.storage.ObjectStorageException;
import cn.cac.gzh.storage.PresignedPost;
import cn.cac.gzh.storage.StorageProperties;
import cn.cac.gzh.storage.StoredObject;
import io.minio.BucketExistsArgs;
import io.minio.CopyObjectArgs;
import io.minio.CopySource;
import io.minio.GetObjectArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.PostPolicy;
import io.minio.http.Method;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;

import org.springframework.stereotype.Component;

@Component
class MinioObjectStorage implements ObjectStorage {

    private static final long PART_SIZE = 10L * 1024 * 1024;

    private final MinioClient client;
    private final MinioClient presigner;
    private final String bucket;
    private final String bucketUrl;

    MinioObjectStorage(MinioClient client, MinioConfiguration.PresigningClient presigner, StorageProperties properties) {
        this.client = client;
        this.presigner = presigner.client();
        this.bucket = properties.bucket();
        String base = properties.clientEndpoint().toString();
        this.bucketUrl = (base.endsWith("/") ? base : base + "/") + bucket;
    }

    @Override
    public void put(String key, InputStream content, long size, String contentType) {
        try {
            client.putObject(PutObjectArgs.builder().bucket(bucket).object(key)
                    .stream(content, size, size >= 0 ? -1 : PART_SIZE)
                    .contentType(contentType)
                    .build());
        } catch (Exception e) {
            throw failure("store", e);
        }
    }

    @Override
    public Optional<StoredObject> stat(String key) {
        try {
            var stat = client.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build());
            return Optional.of(new StoredObject(key, stat.size(), stat.contentType(), stat.etag(),
                    stat.lastModified().toInstant()));
        } catch (Exception e) {
            // HEAD answers carry no error body: a missing bucket also looks like a missing key
            if (isMissing(e) && bucketExists()) {
                return Optional.empty();
            }
            throw failure("inspect", e);
        }
    }

    @Override
    public Optional<InputStream> open(String key) {
        try {
            return Optional.of(client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build()));
        } catch (Exception e) {
            if (isMissing(e)) {
                return Optional.empty();
            }
            throw failure("read", e);
        }
    }

    @Override
    public void copy(String sourceKey, String targetKey) {
        try {
            client.copyObject(CopyObjectArgs.builder().bucket(bucket).object(targetKey)
                    .source(CopySource.builder().bucket(bucket).object(sourceKey).build())
                    .build());
        } catch (Exception e) {
            throw failure("copy", e);
        }
    }

    @Override
    public PresignedPost presignedPost(String key, String contentType, long maxBytes, Duration validity) {
        ZonedDateTime expiresAt = ZonedDateTime.now().plus(validity);
        PostPolicy policy = new PostPolicy(bucket, expiresAt);
        policy.addEqualsCondition("key", key);
        policy.addEqualsCondition("Content-Type", contentType);
        policy.addContentLengthRangeCondition(1, maxBytes);
        requireReachable();
        try {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("key", key);
            fields.put("Content-Type", contentType);
            fields.putAll(presigner.getPresignedPostFormData(policy));
            return new PresignedPost(bucketUrl, Map.copyOf(fields), expiresAt.toInstant());
        } catch (Exception e) {
            throw failure("sign an upload to", e);
        }
    }

    @Override
    public String presignedGet(String key, Duration validity) {
        try {
            return presigner.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder().method(Method.GET)
                    .bucket(bucket).object(key).expiry((int) validity.toSeconds(), TimeUnit.SECONDS).build());
        } catch (Exception e) {
            throw failure("sign a download of", e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
        } catch (Exception e) {
            throw failure("delete", e);
        }
    }

    private boolean bucketExists() {
        try {
            return client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build());
        } catch (Exception e) {
            throw failure("check", e);
        }
    }

    /**
     * Signing needs no network call, so a ticket would be handed out while the server is down and the
     * upload could only fail: one bucket check first (a HEAD request) makes the ticket fail instead.
     */
    private void requireReachable() {
        boolean exists;
        try {
            exists = client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build());
        } catch (Exception e) {
            throw failure("reach the bucket to sign an upload to", e);
        }
        if (!exists) {
            throw new ObjectStorageException("Bucket " + bucket + " does not exist", null);
        }
    }

    private static boolean isMissing(Exception e) {
        return e instanceof ErrorResponseException error
                && ("NoSuchKey".equals(error.errorResponse().code()) || "NoSuchObject".equals(error.errorResponse().code()));
    }

    private ObjectStorageException failure(String action, Exception e) {
        // The key is random and carries no personal data, but keep it out of the message anyway.
        return new ObjectStorageException("Could not " + action + " an object in bucket " + bucket, e);
    }
}
