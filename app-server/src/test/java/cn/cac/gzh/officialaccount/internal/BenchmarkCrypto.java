package cn.cac.gzh.officialaccount.internal;

/** Lets the portal benchmark (another package) seal messages exactly as the portal opens them. */
public final class BenchmarkCrypto {

    private final MessageCrypto crypto;
    private final String token;

    public BenchmarkCrypto(String token, String aesKey, String appId) {
        this.crypto = new MessageCrypto(token, aesKey, appId);
        this.token = token;
    }

    public String encrypt(String xml) {
        return crypto.encrypt(xml);
    }

    public String sign(String timestamp, String nonce, String encrypted) {
        return MessageCrypto.signature(token, timestamp, nonce, encrypted);
    }
}
