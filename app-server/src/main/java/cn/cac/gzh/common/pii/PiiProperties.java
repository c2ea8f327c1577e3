package cn.cac.gzh.common.pii;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Keys protecting personal data at rest (env {@code PII_ENCRYPTION_KEY}, {@code PII_INDEX_KEY}): each
 * 32 random bytes in Base64 ({@code openssl rand -base64 32}). Losing the encryption key loses every
 * stored ID number; changing the index key breaks look-ups by ID number.
 */
@Validated
@ConfigurationProperties("pii")
public record PiiProperties(
        @NotBlank @Pattern(regexp = BASE64_32_BYTES, message = "must be 32 bytes in Base64 (openssl rand -base64 32)") String encryptionKey,
        @NotBlank @Pattern(regexp = BASE64_32_BYTES, message = "must be 32 bytes in Base64 (openssl rand -base64 32)") String indexKey) {

    static final String BASE64_32_BYTES = "[A-Za-z0-9+/]{43}=";
}
