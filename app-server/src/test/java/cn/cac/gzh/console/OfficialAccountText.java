package cn.cac.gzh.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;

import cn.cac.devservices.WechatSimulator;

/** A follower's plain-text message to the official account, posted to /wechat/portal/{appid} as WeChat signs it. */
final class OfficialAccountText {

    private OfficialAccountText() {
    }

    /** Sends {@code text} from {@code openid}; the reply's XML. */
    static String say(int port, String openid, String text) throws Exception {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        String nonce = "n" + System.nanoTime();
        String[] parts = {WechatSimulator.MP_TOKEN, timestamp, nonce};
        Arrays.sort(parts);
        String signature = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                .digest(String.join("", parts).getBytes(StandardCharsets.UTF_8)));
        String xml = "<xml><ToUserName><![CDATA[gh_office]]></ToUserName><FromUserName><![CDATA[" + openid + "]]></FromUserName>"
                + "<CreateTime>" + timestamp + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[" + text
                + "]]></Content><MsgId>" + System.nanoTime() + "</MsgId></xml>";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/wechat/portal/" + WechatSimulator.MP_APP_ID + "?signature=" + signature + "&timestamp=" + timestamp + "&nonce=" + nonce
                + "&openid=" + openid)).header("Content-Type", "text/xml").POST(HttpRequest.BodyPublishers.ofString(xml)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
