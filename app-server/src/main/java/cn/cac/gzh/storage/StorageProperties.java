package cn.cac.gzh.storage;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the S3-compatible object storage is (env {@code STORAGE_ENDPOINT}, {@code STORAGE_ACCESS_KEY},
 * {@code STORAGE_SECRET_KEY}, {@code STORAGE_BUCKET}, {@code STORAGE_PUBLIC_ENDPOINT}).
 */
@Validated
@ConfigurationProperties("storage")
public record StorageProperties(
        @NotNull URI endpoint,
        @NotBlank String accessKey,
        @NotBlank String secretKey,
        @DefaultValue("filing-materials")
        @Pattern(regexp = "[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]", message = "must be a valid S3 bucket name (3-63 lower-case letters, digits, dots, hyphens)")
        String bucket,
        @DefaultValue("us-east-1") @NotBlank String region,
        @DefaultValue("3s") Duration connectTimeout,
        @DefaultValue("30s") Duration readTimeout,
        URI publicEndpoint) {

    /**
     * Where clients (the mini-program, staff browsers) reach the storage server, when it differs from
     * {@link #endpoint()} (env {@code STORAGE_PUBLIC_ENDPOINT}); presigned URLs are made for it.
     */
    public URI clientEndpoint() {
        return publicEndpoint != null ? publicEndpoint : endpoint;
    }


    /** The settings to name when storage is unusable. */
    public static final String SETTINGS = "storage.endpoint (STORAGE_ENDPOINT), storage.access-key (STORAGE_ACCESS_KEY), "
            + "storage.secret-key (STORAGE_SECRET_KEY) and storage.bucket (STORAGE_BUCKET)";
}
