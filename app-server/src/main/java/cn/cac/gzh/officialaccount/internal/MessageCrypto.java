package cn.cac.gzh.officialaccount.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * WeChat's callback signatures and safe mode (docs: shared wechat.md). Written out rather than taken
 * from WxJava because WxJava neither checks the appid inside a decrypted message nor compares
 * signatures in constant time.
 */
final class MessageCrypto {

    /** Thrown for anything that is not a genuine message for us; the portal answers 401/403 or 400. */
    static final class Rejected extends RuntimeException {
        Rejected(String message) {
            super(message);
        }
    }

    private static final int BLOCK = 32;

    private final String token;
    private final byte[] key;
    private final String appId;

    MessageCrypto(String token, String encodingAesKey, String appId) {
        this.token = token;
        this.key = encodingAesKey == null ? null : Base64.getDecoder().decode(encodingAesKey + "=");
        this.appId = appId;
    }

    String token() {
        return token;
    }

    /** sha1 over the sorted parts, hex lower-case. */
    static String signature(String... parts) {
        String[] sorted = parts.clone();
        Arrays.sort(sorted);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time comparison, so the time taken says nothing about how much of a signature was right. */
    boolean plainSignatureMatches(String signature, String timestamp, String nonce) {
        return signature != null && timestamp != null && nonce != null
                && equal(signature(token, timestamp, nonce), signature);
    }

    boolean messageSignatureMatches(String signature, String timestamp, String nonce, String encrypted) {
        return signature != null && timestamp != null && nonce != null && encrypted != null
                && equal(signature(token, timestamp, nonce, encrypted), signature);
    }

    private static boolean equal(String expected, String actual) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * random16 ‖ length ‖ message ‖ appid, PKCS#7 to 32-byte blocks, AES-256-CBC, Base64. The 16
     * bytes only vary the ciphertext (WeChat's own samples use a plain random string); a per-thread
     * generator avoids contention on one shared SecureRandom.
     */
    String encrypt(String message) {
        byte[] randomBytes = new byte[16];
        java.util.concurrent.ThreadLocalRandom.current().nextBytes(randomBytes);
        return encrypt(randomBytes, message);
    }

    String encrypt(byte[] randomBytes, String message) {
        requireKey();
        byte[] body = message.getBytes(StandardCharsets.UTF_8);
        byte[] app = appId.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        plain.writeBytes(randomBytes);
        plain.writeBytes(ByteBuffer.allocate(4).putInt(body.length).array());
        plain.writeBytes(body);
        plain.writeBytes(app);
        int pad = BLOCK - (plain.size() % BLOCK);
        for (int i = 0; i < pad; i++) {
            plain.write(pad);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
            return Base64.getEncoder().encodeToString(cipher.doFinal(plain.toByteArray()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The message inside, after checking that it was sealed for our appid. */
    String decrypt(String encrypted) {
        requireKey();
        byte[] plain;
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
            plain = cipher.doFinal(Base64.getDecoder().decode(encrypted));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new Rejected("cannot decrypt");
        }
        int pad = plain.length == 0 ? 0 : plain[plain.length - 1] & 0xFF;
        if (pad < 1 || pad > BLOCK || plain.length < 20 + pad) {
            throw new Rejected("bad padding");
        }
        int length = ByteBuffer.wrap(plain, 16, 4).getInt();
        int end = plain.length - pad;
        if (length < 0 || 20 + length > end) {
            throw new Rejected("bad length");
        }
        String message = new String(plain, 20, length, StandardCharsets.UTF_8);
        String sealedFor = new String(plain, 20 + length, end - 20 - length, StandardCharsets.UTF_8);
        if (!equal(appId, sealedFor)) {
            throw new Rejected("sealed for another appid");
        }
        return message;
    }

    private void requireKey() {
        if (key == null) {
            throw new Rejected("safe mode is not configured");
        }
    }
}
