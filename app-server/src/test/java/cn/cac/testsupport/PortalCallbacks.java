package cn.cac.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.stream.Stream;

import cn.cac.devservices.WechatSimulator;

import static org.assertj.core.api.Assertions.assertThat;

/** Plain-mode callbacks to the official-account portal, signed the way WeChat's servers sign them. */
public final class PortalCallbacks {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private PortalCallbacks() {
    }

    /** The subscribe event of {@code openid}. */
    public static String subscribeXml(String openid) {
        return "<xml><ToUserName><![CDATA[gh_office]]></ToUserName><FromUserName><![CDATA[" + openid + "]]></FromUserName>"
                + "<CreateTime>" + System.nanoTime() + "</CreateTime><MsgType><![CDATA[event]]></MsgType>"
                + "<Event><![CDATA[subscribe]]></Event></xml>";
    }

    /** Posts {@code xml} to the portal, with WeChat's signature or (unsigned) a wrong one. */
    public static HttpResponse<String> post(int port, String xml, boolean signed) {
        String ts = String.valueOf(Instant.now().getEpochSecond());
        String signature = signed ? sign(ts, "n") : "0".repeat(40);
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/wechat/portal/"
                            + WechatSimulator.MP_APP_ID + "?signature=" + signature + "&timestamp=" + ts + "&nonce=n"))
                    .header("Content-Type", "text/xml").POST(HttpRequest.BodyPublishers.ofString(xml)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException("portal callback failed", e);
        }
    }

    /** A new follower of the official account ({@code sim-mp-openid-<name>}), through the portal as WeChat sends it. */
    public static String newFollower(int port, String name) {
        String openid = "sim-mp-openid-" + name;
        assertThat(post(port, subscribeXml(openid), true).statusCode()).isEqualTo(200);
        return openid;
    }

    /** WeChat's plain-mode signature: SHA-1 of token, timestamp and nonce, sorted. */
    public static String sign(String timestamp, String nonce) {
        String[] parts = Stream.of(WechatSimulator.MP_TOKEN, timestamp, nonce).sorted().toArray(String[]::new);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(String.join("", parts).getBytes()));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
