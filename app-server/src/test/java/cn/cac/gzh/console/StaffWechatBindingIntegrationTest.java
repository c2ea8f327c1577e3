package cn.cac.gzh.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import cn.cac.testsupport.ConsoleClient;
import cn.cac.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** A staff member links their WeChat by sending a one-time code to the official account, and unlinks it. */
@IntegrationTest
class StaffWechatBindingIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StaffDirectory staff;

    @Test
    void aCodeSentToTheOfficialAccountBindsOnceAndTheDigestReachesThatWechat() throws Exception {
        String openid = "sim-mp-openid-staff-" + UUID.randomUUID().toString().substring(0, 8);
        ConsoleClient admin = new ConsoleClient(port);
        assertThat(admin.login("admin", IntegrationTest.ADMIN_PASSWORD).status()).isEqualTo(200);
        admin.send("DELETE", "/api/console/auth/wechat-binding");
        assertThat(admin.get("/api/console/auth/wechat-binding").get("bound")).isEqualTo(false);

        var code = admin.post("/api/console/auth/wechat-binding", null);
        assertThat(code.status()).isEqualTo(201);
        String digits = (String) code.get("code");
        assertThat(digits).matches("\\d{6}");
        assertThat((String) code.get("instruction")).contains("绑定 " + digits);

        assertThat(say(openid, "绑定 " + digits)).contains("绑定成功：系统管理员");
        assertThat(admin.get("/api/console/auth/wechat-binding").get("bound")).isEqualTo(true);
        assertThat(jdbc.queryForObject("SELECT oa_openid FROM staff_user WHERE username = 'admin'", String.class)).isEqualTo(openid);
        assertThat(staff.reviewerFollowerOpenids("411400")).as("the city office's administrator").contains(openid);
        assertThat(staff.reviewerFollowerOpenids("411422")).as("not a county's recipient").doesNotContain(openid);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'STAFF_WECHAT_BIND'", Integer.class)).isPositive();

        // a code works once; anything else is ordinary text
        assertThat(say(openid, "绑定 " + digits)).contains("绑定码无效或已过期");
        assertThat(say(openid, "绑定" + digits)).contains("绑定码无效或已过期");
        assertThat(say(openid, "备案")).doesNotContain("绑定");

        assertThat(admin.send("DELETE", "/api/console/auth/wechat-binding").status()).isEqualTo(204);
        assertThat(admin.get("/api/console/auth/wechat-binding").get("bound")).isEqualTo(false);
        assertThat(staff.reviewerFollowerOpenids("411400")).doesNotContain(openid);
    }

    /** A plain-text message from {@code openid}, signed as WeChat signs it; the reply's XML. */
    private String say(String openid, String text) throws Exception {
        return OfficialAccountText.say(port, openid, text);
    }
}
