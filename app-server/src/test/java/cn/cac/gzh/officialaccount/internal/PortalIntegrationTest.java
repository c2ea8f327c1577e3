package cn.cac.gzh.officialaccount.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import cn.cac.devservices.WechatSimulator;
import cn.cac.gzh.FilingPlatformApplication;
import cn.cac.testsupport.Burst;
import cn.cac.testsupport.ExternalSettings;
import cn.cac.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The callback portal as WeChat's servers use it, plain and safe mode, and every way it refuses. */
@IntegrationTest
class PortalIntegrationTest {

    private static final String APP = WechatSimulator.MP_APP_ID;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Environment environment;

    private final HttpClient http = HttpClient.newHttpClient();
    private final MessageCrypto crypto = new MessageCrypto(WechatSimulator.MP_TOKEN, WechatSimulator.MP_AES_KEY, APP);

    @Test
    void verificationEchoesOnlyWithTheRightSignature() throws Exception {
        String ts = now();
        String good = MessageCrypto.signature(WechatSimulator.MP_TOKEN, ts, "n1");
        assertThat(get(port, APP, "signature=" + good + "&timestamp=" + ts + "&nonce=n1&echostr=hello").body()).isEqualTo("hello");
        // one hex digit changed (a fixed "0" would be no change at all when the signature starts with 0: 1 run in 16)
        String wrong = (good.charAt(0) == '0' ? "1" : "0") + good.substring(1);
        assertThat(get(port, APP, "signature=" + wrong + "&timestamp=" + ts + "&nonce=n1&echostr=hello").statusCode())
                .isEqualTo(403);
        assertThat(get(port, "wx-unknown", "signature=" + good + "&timestamp=" + ts + "&nonce=n1&echostr=hello").statusCode())
                .isEqualTo(404);
    }

    @Test
    void plainKeywordsAreAnswered() throws Exception {
        assertThat(postPlain(port, text("user-a", "怎么备案")).body()).contains("办理方法").contains("data-miniprogram-appid");
        assertThat(postPlain(port, text("user-a", "联系电话")).body()).contains("汪方勇").contains("13837022828");
        assertThat(postPlain(port, text("user-a", "政策")).body()).contains("政策");
        assertThat(postPlain(port, text("user-a", "你好")).body()).contains("回复“备案”");
        var click = postPlain(port, event("user-a", "CLICK", "<EventKey><![CDATA[MENU_CONTACT]]></EventKey>"));
        assertThat(click.body()).contains("<ToUserName><![CDATA[user-a]]></ToUserName>").contains("陆伟松");
    }

    @Test
    void safeModeIsAnsweredInSafeModeAndTheReplyVerifies() throws Exception {
        String encrypted = crypto.encrypt(text("user-b", "备案"));
        String ts = now();
        String signature = MessageCrypto.signature(WechatSimulator.MP_TOKEN, ts, "n2", encrypted);
        var response = post(port, APP, "encrypt_type=aes&msg_signature=" + signature + "&timestamp=" + ts + "&nonce=n2",
                "<xml><ToUserName><![CDATA[gh_office]]></ToUserName><Encrypt><![CDATA[" + encrypted + "]]></Encrypt></xml>");

        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, String> envelope = SafeXml.fields(response.body());
        assertThat(envelope).containsKeys("Encrypt", "MsgSignature", "TimeStamp", "Nonce");
        assertThat(crypto.messageSignatureMatches(envelope.get("MsgSignature"), envelope.get("TimeStamp"), envelope.get("Nonce"),
                envelope.get("Encrypt"))).isTrue();
        assertThat(crypto.decrypt(envelope.get("Encrypt"))).contains("办理方法").contains("<ToUserName><![CDATA[user-b]]>");
    }

    @Test
    void everyRejectionChangesNothing() throws Exception {
        String openid = "rejected-" + UUID.randomUUID();
        String subscribe = event(openid, "subscribe", "");
        String ts = now();
        // wrong plain signature
        assertThat(post(port, APP, "signature=bad&timestamp=" + ts + "&nonce=n", subscribe).statusCode()).isEqualTo(403);
        // safe mode, sealed for another app
        String foreign = new MessageCrypto(WechatSimulator.MP_TOKEN, WechatSimulator.MP_AES_KEY, "wx0000000000000000").encrypt(subscribe);
        String foreignSig = MessageCrypto.signature(WechatSimulator.MP_TOKEN, ts, "n", foreign);
        assertThat(post(port, APP, "encrypt_type=aes&msg_signature=" + foreignSig + "&timestamp=" + ts + "&nonce=n",
                "<xml><Encrypt><![CDATA[" + foreign + "]]></Encrypt></xml>").statusCode()).isEqualTo(403);
        // safe mode, wrong msg_signature
        String mine = crypto.encrypt(subscribe);
        assertThat(post(port, APP, "encrypt_type=aes&msg_signature=bad&timestamp=" + ts + "&nonce=n",
                "<xml><Encrypt><![CDATA[" + mine + "]]></Encrypt></xml>").statusCode()).isEqualTo(403);
        // stale
        String old = String.valueOf(Instant.now().minusSeconds(600).getEpochSecond());
        assertThat(post(port, APP, "signature=" + MessageCrypto.signature(WechatSimulator.MP_TOKEN, old, "n") + "&timestamp=" + old
                + "&nonce=n", subscribe).statusCode()).isEqualTo(403);
        // unknown appid
        assertThat(postPlainTo(port, "wx-unknown", subscribe).statusCode()).isEqualTo(404);
        // XXE, billion laughs, malformed, too large
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><xml><ToUserName>a</ToUserName>"
                + "<FromUserName>" + openid + "</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Content>&x;</Content><MsgId>1</MsgId></xml>";
        var xxeAnswer = postPlain(port, xxe);
        assertThat(xxeAnswer.statusCode()).isEqualTo(400);
        assertThat(xxeAnswer.body()).doesNotContain("root:");
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]><xml><Content>&lol3;</Content></xml>";
        assertThat(postPlain(port, laughs).statusCode()).isEqualTo(400);
        assertThat(postPlain(port, "<xml><ToUserName>").statusCode()).isEqualTo(400);
        assertThat(postPlain(port, "<xml>" + "x".repeat(PortalFilter.MAX_BODY) + "</xml>").statusCode()).isEqualTo(413);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM oa_follower WHERE openid = ?", Integer.class, openid)).isZero();
    }

    @Test
    void subscribeWelcomesRecordsTheFollowerAndLinksTheUnionIdAfterTheReply() throws Exception {
        String openid = "sim-mp-openid-fan" + UUID.randomUUID().toString().substring(0, 8);
        var welcome = postPlain(port, event(openid, "subscribe", "<EventKey><![CDATA[qrscene_town7]]></EventKey><Ticket><![CDATA[t]]></Ticket>"));
        assertThat(welcome.body()).contains("欢迎关注").contains("data-miniprogram-appid");
        assertThat(jdbc.queryForMap("SELECT subscribed, scene FROM oa_follower WHERE openid = ?", openid))
                .containsEntry("scene", "town7");
        await().atMost(Duration.ofSeconds(10)).until(() ->
                jdbc.queryForObject("SELECT unionid FROM oa_follower WHERE openid = ?", String.class, openid) != null);
        assertThat(jdbc.queryForObject("SELECT unionid FROM oa_follower WHERE openid = ?", String.class, openid))
                .isEqualTo("sim-union-" + openid.substring("sim-mp-openid-".length()));

        assertThat(postPlain(port, event(openid, "unsubscribe", "")).body()).isEqualTo("success");
        assertThat(jdbc.queryForObject("SELECT subscribed FROM oa_follower WHERE openid = ?", Boolean.class, openid)).isFalse();
        assertThat(postPlain(port, event(openid, "SCAN", "<EventKey><![CDATA[town7]]></EventKey>")).body()).contains("办理方法");
    }

    @Test
    void fiftySimultaneousSubscriptionsFromNewFollowersAreAllRecorded() {
        String run = "burst" + UUID.randomUUID().toString().substring(0, 8);
        List<Integer> statuses = Burst.values(Burst.of(50, i -> {
            try {
                return postPlain(port, event("sim-mp-openid-" + run + "x" + i, "subscribe", "")).statusCode();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
        assertThat(statuses).hasSize(50).containsOnly(200);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM oa_follower WHERE openid LIKE ? AND subscribed",
                Integer.class, "sim-mp-openid-" + run + "x%")).isEqualTo(50);

        // and all of them leave at once: existing rows, updated in place
        List<Integer> left = Burst.values(Burst.of(50, i -> {
            try {
                return postPlain(port, event("sim-mp-openid-" + run + "x" + i, "unsubscribe", "")).statusCode();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
        assertThat(left).containsOnly(200);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM oa_follower WHERE openid LIKE ? AND NOT subscribed",
                Integer.class, "sim-mp-openid-" + run + "x%")).isEqualTo(50);
    }

    @Test
    void aRetriedMessageIsHandledOnceAndTheRetryGetsTheSameAnswer() throws Exception {
        String msgId = String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits()));
        String report = report(msgId);
        var first = postPlain(port, report);
        var retry = postPlain(port, report);
        assertThat(first.body()).isEqualTo("success");
        assertThat(retry.body()).isEqualTo("success");
        assertThat(reports(msgId)).isEqualTo(1);

        String message = text("user-retry", "备案").replaceAll("<MsgId>\\d+</MsgId>", "<MsgId>" + msgId + "</MsgId>");
        var answer = postPlain(port, message);
        var again = postPlain(port, message);
        assertThat(again.body()).isEqualTo(answer.body()).contains("办理方法");
    }

    @Test
    void theSameCallbackAtTwoInstancesAtTheSameMomentIsHandledOnce() throws Exception {
        try (ConfigurableApplicationContext second = SpringApplication.run(FilingPlatformApplication.class,
                ExternalSettings.asArguments(environment))) {
            int otherPort = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
            for (int round = 0; round < 5; round++) {
                String msgId = String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits()));
                String report = report(msgId);
                CountDownLatch start = new CountDownLatch(1);
                List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
                for (int instance : List.of(port, otherPort)) {
                    answers.add(CompletableFuture.supplyAsync(() -> {
                        try {
                            start.await();
                            return postPlain(instance, report);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }));
                }
                start.countDown();
                for (var answer : answers) {
                    assertThat(answer.get().statusCode()).isEqualTo(200);
                }
                assertThat(reports(msgId)).as("round " + round).isEqualTo(1);
            }
        }
    }

    private int reports(String msgId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM oa_send_report WHERE msg_id = ?", Integer.class, msgId);
    }

    private static String report(String msgId) {
        return "<xml><ToUserName><![CDATA[gh_office]]></ToUserName><FromUserName><![CDATA[user-r]]></FromUserName>"
                + "<CreateTime>" + now() + "</CreateTime><MsgType><![CDATA[event]]></MsgType>"
                + "<Event><![CDATA[TEMPLATESENDJOBFINISH]]></Event><MsgID>" + msgId + "</MsgID><Status><![CDATA[success]]></Status></xml>";
    }

    private static String text(String from, String content) {
        return "<xml><ToUserName><![CDATA[gh_office]]></ToUserName><FromUserName><![CDATA[" + from + "]]></FromUserName>"
                + "<CreateTime>" + now() + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[" + content
                + "]]></Content><MsgId>" + System.nanoTime() + "</MsgId></xml>";
    }

    private static String event(String from, String event, String extra) {
        return "<xml><ToUserName><![CDATA[gh_office]]></ToUserName><FromUserName><![CDATA[" + from + "]]></FromUserName>"
                + "<CreateTime>" + System.nanoTime() + "</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[" + event
                + "]]></Event>" + extra + "</xml>";
    }

    private static String now() {
        return String.valueOf(Instant.now().getEpochSecond());
    }

    private HttpResponse<String> get(int port, String app, String query) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/wechat/portal/" + app + "?" + query)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postPlain(int port, String xml) throws Exception {
        return postPlainTo(port, APP, xml);
    }

    private HttpResponse<String> postPlainTo(int port, String app, String xml) throws Exception {
        String ts = now();
        return post(port, app, "signature=" + MessageCrypto.signature(WechatSimulator.MP_TOKEN, ts, "nn") + "&timestamp=" + ts
                + "&nonce=nn&openid=x", xml);
    }

    private HttpResponse<String> post(int port, String app, String query, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/wechat/portal/" + app + "?" + query))
                .header("Content-Type", "text/xml").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
