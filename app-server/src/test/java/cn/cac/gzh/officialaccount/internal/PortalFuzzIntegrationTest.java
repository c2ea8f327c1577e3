package cn.cac.gzh.officialaccount.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import cn.cac.devservices.WechatSimulator;
import cn.cac.testsupport.IntegrationTest;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.sessions.JqwikSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The callback portal over HTTP with generated hostile bodies, correctly signed so that they reach the parser
 * (the fast, broad properties are in {@link SafeXmlProperties}): invalid XML is a 400 and stores nothing, nothing is a
 * 5xx, no answer leaks an exception. More tries or another seed: {@code -Dfuzz.tries=1000 -Dfuzz.seed=7}.
 */
@IntegrationTest
class PortalFuzzIntegrationTest {

    private static final int TRIES = Integer.getInteger("fuzz.tries", 200);
    private static final long SEED = Long.getLong("fuzz.seed", 20260113L);
    private static final String APP = WechatSimulator.MP_APP_ID;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final MessageCrypto crypto = new MessageCrypto(WechatSimulator.MP_TOKEN, WechatSimulator.MP_AES_KEY, APP);

    /** Bodies that are not acceptable XML (DOCTYPE/entities, truncated, undecodable): 400 or 413, nothing stored. */
    @Test
    void invalidCallbacksAreRefusedAndStoreNothing() throws Exception {
        SafeXmlProperties xml = new SafeXmlProperties();
        Arbitrary<byte[]> bodies = Arbitraries.oneOf(
                xml.hostile().map(s -> s.getBytes(StandardCharsets.UTF_8)),
                Combinators.combine(xml.callbacks(), Arbitraries.integers().between(0, 99))
                        .as((fields, percent) -> {
                            String whole = SafeXmlProperties.xml(fields, false);
                            return whole.substring(0, (whole.length() - 1) * percent / 100).getBytes(StandardCharsets.UTF_8);
                        }),
                // far beyond the limit
                Arbitraries.integers().between(PortalFilter.MAX_BODY + 1, 3 * PortalFilter.MAX_BODY)
                        .map(n -> ("<xml><Content>" + "睢".repeat(n / 3) + "</Content></xml>").getBytes(StandardCharsets.UTF_8)));
        Map<String, String> before = checksums();
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (byte[] body : sample(bodies)) {
            HttpResponse<String> answer = postPlain(body);
            statuses.merge(answer.statusCode(), 1, Integer::sum);
            if (answer.statusCode() != 400 && answer.statusCode() != 413) {
                failures.add(answer.statusCode() + " " + answer.body() + " for " + shorten(body));
            }
            checkNoLeak(answer, body, failures);
        }
        System.out.println("portal fuzz (invalid): " + statuses);
        assertThat(failures).as("seed %d", SEED).isEmpty();
        assertThat(checksums()).isEqualTo(before);
    }

    /** Arbitrary text, random fields, foreign encodings, garbage in safe mode: never a 5xx, never a leak. */
    @Test
    void arbitraryCallbacksNeverFailTheServer() throws Exception {
        SafeXmlProperties xml = new SafeXmlProperties();
        Arbitrary<Charset> charsets = xml.charsets();
        Arbitrary<byte[]> plain = Arbitraries.oneOf(
                xml.junk().map(s -> s.getBytes(StandardCharsets.UTF_8)),
                xml.callbacks().map(fields -> SafeXmlProperties.xml(fields, true).getBytes(StandardCharsets.UTF_8)),
                Combinators.combine(xml.callbacks(), charsets, xml.declarations())
                        .as((fields, charset, declaration) -> (declaration + SafeXmlProperties.xml(fields, false)).getBytes(charset)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(500));
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (byte[] body : sample(plain)) {
            HttpResponse<String> answer = postPlain(body);
            statuses.merge(answer.statusCode(), 1, Integer::sum);
            if (!List.of(200, 400).contains(answer.statusCode())
                    || answer.statusCode() == 200 && !answer.body().equals("success") && !answer.body().startsWith("<xml>")) {
                failures.add(answer.statusCode() + " " + answer.body() + " for " + shorten(body));
            }
            checkNoLeak(answer, body, failures);
        }
        // safe mode: a correctly signed envelope whose Encrypt is not a sealed message of this app
        Arbitrary<String> garbage = Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(300),
                Arbitraries.strings().withCharRange('A', 'Z').withCharRange('a', 'z').withChars("+/=").ofMaxLength(400),
                xml.junk().map(s -> java.util.Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8))));
        for (String encrypted : sample(garbage).subList(0, TRIES / 4)) {
            HttpResponse<String> answer = postSafe(encrypted);
            statuses.merge(answer.statusCode(), 1, Integer::sum);
            if (!List.of(400, 403).contains(answer.statusCode())) {
                failures.add("safe mode " + answer.statusCode() + " " + answer.body() + " for " + encrypted);
            }
            checkNoLeak(answer, encrypted.getBytes(StandardCharsets.UTF_8), failures);
        }
        System.out.println("portal fuzz (arbitrary): " + statuses);
        assertThat(failures).as("seed %d", SEED).isEmpty();
    }

    private static void checkNoLeak(HttpResponse<String> answer, byte[] body, List<String> failures) {
        String text = answer.body();
        if (text.contains("Exception") || text.contains("\tat ") || text.contains("root:") || text.contains("XMLStream")) {
            failures.add("leak: " + text + " for " + shorten(body));
        }
    }

    private static <T> List<T> sample(Arbitrary<T> arbitrary) {
        JqwikSession.start();
        try {
            RandomGenerator<T> generator = arbitrary.generator(1000);
            Random random = new Random(SEED);
            List<T> values = new ArrayList<>(TRIES);
            for (int i = 0; i < TRIES; i++) {
                values.add(generator.next(random).value());
            }
            return values;
        } finally {
            JqwikSession.finish();
        }
    }

    private Map<String, String> checksums() {
        Map<String, String> sums = new TreeMap<>();
        for (String table : List.of("oa_follower", "oa_send_report", "inbox_item", "audit_log")) {
            jdbc.query("CHECKSUM TABLE `" + table + "` EXTENDED", rs -> {
                sums.put(table, rs.getString(2));
            });
        }
        return sums;
    }

    private HttpResponse<String> postPlain(byte[] body) throws Exception {
        String ts = String.valueOf(Instant.now().getEpochSecond());
        return post("signature=" + MessageCrypto.signature(WechatSimulator.MP_TOKEN, ts, "fz") + "&timestamp=" + ts + "&nonce=fz&openid=x",
                body);
    }

    private HttpResponse<String> postSafe(String encrypted) throws Exception {
        String ts = String.valueOf(Instant.now().getEpochSecond());
        String signature = MessageCrypto.signature(WechatSimulator.MP_TOKEN, ts, "fz", encrypted);
        String envelope = "<xml><Encrypt><![CDATA[" + encrypted.replace("]]>", "") + "]]></Encrypt></xml>";
        return post("encrypt_type=aes&msg_signature=" + signature + "&timestamp=" + ts + "&nonce=fz", envelope.getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(String query, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/wechat/portal/" + APP + "?" + query))
                .header("Content-Type", "text/xml").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String shorten(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() > 200 ? text.substring(0, 200) + "…(" + body.length + " bytes)" : text;
    }
}
