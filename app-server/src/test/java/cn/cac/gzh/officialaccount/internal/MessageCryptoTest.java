package cn.cac.gzh.officialaccount.internal;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Published vectors (wechatpy's signature test; WxJava's WxCryptUtilTest / Tencent's Java sample). */
class MessageCryptoTest {

    private static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private static final String APP_ID = "wxb11529c136998cb6";
    private static final String VECTOR = "jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==";

    private final MessageCrypto crypto = new MessageCrypto("pamtest", AES_KEY, APP_ID);

    @Test
    void plainSignatureVector() {
        assertThat(MessageCrypto.signature("test", "1410685589", "test")).isEqualTo("f21891de399b4e33a1a93c9a7b8a8fffb5a443ff");
        MessageCrypto test = new MessageCrypto("test", null, "x");
        assertThat(test.plainSignatureMatches("f21891de399b4e33a1a93c9a7b8a8fffb5a443ff", "1410685589", "test")).isTrue();
        assertThat(test.plainSignatureMatches("f21891de399b4e33a1a93c9a7b8a8fffb5a443fe", "1410685589", "test")).isFalse();
        assertThat(test.plainSignatureMatches(null, "1410685589", "test")).isFalse();
    }

    @Test
    void encryptionVector() {
        String encrypted = crypto.encrypt("aaaabbbbccccdddd".getBytes(StandardCharsets.UTF_8), "我是中文abcd123");
        assertThat(encrypted).isEqualTo(VECTOR);
        assertThat(crypto.decrypt(VECTOR)).isEqualTo("我是中文abcd123");
    }

    @Test
    void roundTripWithRandomPrefixAndSignature() {
        String xml = "<xml><Content><![CDATA[备案]]></Content></xml>";
        String encrypted = crypto.encrypt(xml);
        String signature = MessageCrypto.signature("pamtest", "1409304348", "xxxxxx", encrypted);
        assertThat(crypto.messageSignatureMatches(signature, "1409304348", "xxxxxx", encrypted)).isTrue();
        assertThat(crypto.messageSignatureMatches(signature, "1409304349", "xxxxxx", encrypted)).isFalse();
        assertThat(crypto.decrypt(encrypted)).isEqualTo(xml);
    }

    @Test
    void aMessageSealedForAnotherAppIsRejected() {
        MessageCrypto other = new MessageCrypto("pamtest", AES_KEY, "wx0000000000000000");
        String foreign = other.encrypt("<xml/>");
        assertThatThrownBy(() -> crypto.decrypt(foreign)).isInstanceOf(MessageCrypto.Rejected.class)
                .hasMessageContaining("another appid");
        assertThatThrownBy(() -> crypto.decrypt("not base64 !!")).isInstanceOf(MessageCrypto.Rejected.class);
        assertThatThrownBy(() -> crypto.decrypt("AAAA")).isInstanceOf(MessageCrypto.Rejected.class);
    }
}
