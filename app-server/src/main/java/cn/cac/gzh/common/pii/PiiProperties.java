package cn.cac.gzh.common.pii;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Keys protecting personal data at rest (env {@code PII_ENCRYPTION_KEY}, {@code PII_INDEX_KEY}): each
 * 32 random bytes in Base64 ({@code openssl rand -base64 32}). Losing the encryption key loses every
 * stored ID number; changing the index key breaks look-ups by ID number.
 * <p>
 * Key rotation (docs/pii.md): {@code PII_ENCRYPTION_KEY} is always the current key, used for every new
 * ciphertext under {@code PII_ENCRYPTION_KEY_VERSION} (default 1, the version of every ciphertext written
 * before rotation existed); {@code PII_PREVIOUS_ENCRYPTION_KEYS} ({@code "1:<base64>,2:<base64>"}) keeps
 * older keys for decrypting until the re-encryption has moved every row to the current version.
 */
@Validated
@ConfigurationProperties("pii")
public record PiiProperties(
        @NotBlank @Pattern(regexp = BASE64_32_BYTES, message = "must be 32 bytes in Base64 (openssl rand -base64 32)") String encryptionKey,
        @NotBlank @Pattern(regexp = BASE64_32_BYTES, message = "must be 32 bytes in Base64 (openssl rand -base64 32)") String indexKey,
        @DefaultValue("1") @Min(1) @Max(9999) int encryptionKeyVersion,
        @Pattern(regexp = VERSIONED_KEYS, message = "must be version:key pairs separated by commas, e.g. 1:<32 bytes in Base64>") String previousEncryptionKeys) {

    static final String BASE64_32_BYTES = "[A-Za-z0-9+/]{43}=";
    static final String VERSIONED_KEYS = "\\s*|\\s*\\d{1,4}:" + BASE64_32_BYTES + "\\s*(,\\s*\\d{1,4}:" + BASE64_32_BYTES + "\\s*)*";

    @ConstructorBinding
    public PiiProperties {
    }

    /** The configuration before rotation: one key, version 1. */
    public PiiProperties(String encryptionKey, String indexKey) {
        this(encryptionKey, indexKey, 1, null);
    }
}
