package cn.cac.gzh.officialaccount;

import java.util.Map;

import cn.cac.testsupport.ConsoleClient;
import cn.cac.testsupport.IntegrationTest;
import cn.cac.testsupport.MiniApi;
import cn.cac.testsupport.WechatSimulatorClient;
import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** Menu publication and the follower sync through the console, against the WeChat simulator. */
@IntegrationTest
class OfficialAccountAdministrationIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Value("${wechat.api-base-url}")
    String wechatBaseUrl;

    @Test
    void menuIsPublishedWithTheMiniProgramButton() {
        ConsoleClient admin = new ConsoleClient(port);
        admin.login("admin", IntegrationTest.ADMIN_PASSWORD);
        WireMock simulator = WechatSimulatorClient.connect(wechatBaseUrl);

        var published = admin.post("/api/console/admin/official-account/menu", Map.of());

        assertThat(published.status()).isEqualTo(200);
        assertThat((String) published.get("menu")).contains("我要备案", "miniprogram", "政策通知", "MENU_CONTACT");
        simulator.verifyThat(postRequestedFor(urlPathEqualTo("/cgi-bin/menu/create")));
    }

    @Test
    void followersAreSyncedAndLinkedToOperatorsByUnionId() {
        // the mini-program user "follower2" (unionid sim-union-follower2) is also an operator
        long operator = MiniApi.on(port).login("follower2").operatorId();
        ConsoleClient admin = new ConsoleClient(port);
        admin.login("admin", IntegrationTest.ADMIN_PASSWORD);

        var result = admin.post("/api/console/admin/official-account/followers/sync", Map.of());

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.get("followers")).isEqualTo(3);
        assertThat(((Number) result.get("linkedToOperators")).intValue()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT operator_id FROM oa_follower WHERE openid = 'sim-mp-openid-follower2'", Long.class))
                .isEqualTo(operator);
        assertThat(jdbc.queryForObject("SELECT unionid FROM oa_follower WHERE openid = 'sim-mp-openid-follower1'", String.class))
                .isEqualTo("sim-union-follower1");
        var anonymous = new ConsoleClient(port);
        anonymous.get("/api/console/auth/csrf");
        assertThat(anonymous.post("/api/console/admin/official-account/followers/sync", Map.of()).status()).isEqualTo(401);
    }
}
