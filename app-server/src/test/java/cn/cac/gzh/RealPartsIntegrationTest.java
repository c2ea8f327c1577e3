package cn.cac.gzh;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.cac.devservices.WechatSimulator;
import cn.cac.gzh.storage.ObjectStorage;
import cn.cac.testsupport.IntegrationTest;
import cn.cac.testsupport.WechatSimulatorClient;
import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** One pass through every real part: MariaDB/MySQL with the migrations, Redis, S3 and WeChat (simulated at HTTP). */
@IntegrationTest
class RealPartsIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    ObjectStorage storage;
    @Autowired
    WxMaService miniapp;
    @Value("${wechat.api-base-url}")
    String wechatBaseUrl;

    @Test
    void migrationsAreAppliedAndTheSeedIsThere() {
        Integer applied = jdbc.queryForObject(
                "SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1 AND version IS NOT NULL", Integer.class);
        assertThat(applied).isGreaterThanOrEqualTo(3);
        String county = jdbc.queryForObject("SELECT name FROM region_county WHERE code = '411422'", String.class);
        assertThat(county).isEqualTo("睢县");
        // utf8mb4 end to end: a 4-byte character survives the round trip
        String emoji = jdbc.queryForObject("SELECT CONVERT(? USING utf8mb4)", String.class, "水城😀");
        assertThat(emoji).isEqualTo("水城😀");
    }

    @Test
    void redisRoundTrip() {
        String key = "test:roundtrip:" + UUID.randomUUID();
        redis.opsForValue().set(key, "睢县", java.time.Duration.ofMinutes(1));
        assertThat(redis.opsForValue().get(key)).isEqualTo("睢县");
        redis.delete(key);
        assertThat(redis.hasKey(key)).isFalse();
    }

    @Test
    void objectWrittenAndReadBackOverS3() throws Exception {
        String key = "test/" + UUID.randomUUID();
        byte[] content = "登记备案材料".getBytes(StandardCharsets.UTF_8);
        storage.put(key, new ByteArrayInputStream(content), content.length, "text/plain");

        assertThat(storage.stat(key)).hasValueSatisfying(object -> assertThat(object.size()).isEqualTo(content.length));
        try (InputStream in = storage.open(key).orElseThrow()) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        storage.delete(key);
        assertThat(storage.stat(key)).isEmpty();
        assertThat(storage.open(key)).isEmpty();
    }

    @Test
    void wxJavaCallIsAnsweredBySimulatorWithAStableTokenSharedInRedis() throws Exception {
        WireMock simulator = WechatSimulatorClient.connect(wechatBaseUrl);
        simulator.resetRequests();

        var session = miniapp.getUserService().getSessionInfo("alice");

        assertThat(session.getOpenid()).isEqualTo("sim-openid-alice");
        assertThat(session.getUnionid()).isEqualTo("sim-union-alice");
        simulator.verifyThat(getRequestedFor(urlPathEqualTo("/sns/jscode2session")));

        // a call that needs an access token: the token comes from stable_token and is kept in Redis
        miniapp.getAccessToken(true);
        simulator.verifyThat(postRequestedFor(urlPathEqualTo("/cgi-bin/stable_token")));
        assertThat(simulator.find(getRequestedFor(urlPathEqualTo("/cgi-bin/token")))).isEmpty();
        assertThat(redis.keys("wx:*")).anySatisfy(key -> assertThat(key).contains(WechatSimulator.MINIAPP_APP_ID));
        assertThat(miniapp.getAccessToken()).isEqualTo("sim-token-" + WechatSimulator.MINIAPP_APP_ID);
    }
}
