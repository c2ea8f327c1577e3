package cn.cac.gzh.common.pii;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Encrypts sensitive personal data (ID numbers, WeChat session keys) for storage, AES-256-GCM with a
 * random nonce, and derives a blind index (HMAC-SHA256 under a separate key) so a value can be found
 * without being decrypted (PIPL Art. 51).
 * <p>
 * Every ciphertext names the version of its key ({@code v<version>:<Base64 nonce+sealed>}): new values use the
 * current key ({@code pii.encryption-key}, version {@code pii.encryption-key-version}), older versions are
 * decrypted with {@code pii.previous-encryption-keys} until {@link PiiReencryption} has moved them (docs/pii.md).
 * The blind index key is not versioned: rotating it would need every index recomputed from the plaintext.
 */
@Component
public class PersonalDataCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final int currentVersion;
    private final SecretKeySpec encryptionKey;
    private final Map<Integer, SecretKeySpec> keysByVersion = new TreeMap<>();
    private final SecretKeySpec indexKey;
    private final SecureRandom random = new SecureRandom();

    public PersonalDataCipher(PiiProperties properties) {
        this.currentVersion = properties.encryptionKeyVersion();
        this.encryptionKey = new SecretKeySpec(Base64.getDecoder().decode(properties.encryptionKey()), "AES");
        keysByVersion.put(currentVersion, encryptionKey);
        String previous = properties.previousEncryptionKeys();
        if (previous != null && !previous.isBlank()) {
            for (String entry : previous.split(",")) {
                String[] parts = entry.trim().split(":", 2);
                int version = Integer.parseInt(parts[0]);
                if (keysByVersion.putIfAbsent(version, new SecretKeySpec(Base64.getDecoder().decode(parts[1]), "AES")) != null) {
                    // never echo a key: name the setting and the version only
                    throw new IllegalArgumentException("pii.previous-encryption-keys names key version " + version
                            + " twice or the current version (pii.encryption-key-version)");
                }
            }
        }
        this.indexKey = new SecretKeySpec(Base64.getDecoder().decode(properties.indexKey()), "HmacSHA256");
    }

    /** Ciphertext for storage, or {@code null} for {@code null}. */
    public String encrypt(String plaintext) {
        if (plaintext == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return "v" + currentVersion + ":" + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    /** The plaintext of a value produced by {@link #encrypt}; fails if it was tampered with. */
    public String decrypt(String stored) {
        if (stored == null) {
            return null;
        }
        int version = version(stored);
        SecretKeySpec key = keysByVersion.get(version);
        if (key == null) {
            throw new MissingKeyException(version);
        }
        try {
            byte[] data = Base64.getDecoder().decode(stored.substring(stored.indexOf(':') + 1));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, data, 0, NONCE_BYTES));
            return new String(cipher.doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Decryption failed (key version " + version + ")", e);
        }
    }

    /** The key version a stored value was encrypted with; fails for a value this class did not produce. */
    public static int version(String stored) {
        int colon = stored.indexOf(':');
        if (!stored.startsWith("v") || colon < 2 || colon > 5) {
            throw new IllegalArgumentException("Unknown ciphertext format");
        }
        try {
            return Integer.parseInt(stored.substring(1, colon));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Unknown ciphertext format");
        }
    }

    /** The version of the key new values are encrypted with. */
    public int currentVersion() {
        return currentVersion;
    }

    /** Whether a key for this version is configured. */
    public boolean hasKey(int version) {
        return keysByVersion.containsKey(version);
    }

    /** No key is configured for a ciphertext's version (a previous key was dropped before re-encryption finished). */
    public static class MissingKeyException extends IllegalStateException {

        MissingKeyException(int version) {
            super("No encryption key for ciphertext version " + version
                    + ": set it in pii.previous-encryption-keys (PII_PREVIOUS_ENCRYPTION_KEYS) as " + version + ":<key>");
        }
    }

    /** A deterministic, non-reversible look-up key (64 hex chars), or {@code null} for {@code null}. */
    public String blindIndex(String plaintext) {
        if (plaintext == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(indexKey);
            return HexFormat.of().formatHex(mac.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Blind index failed", e);
        }
    }
}
