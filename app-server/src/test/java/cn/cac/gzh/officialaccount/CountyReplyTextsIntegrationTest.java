package cn.cac.gzh.officialaccount;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.cac.testsupport.ConsoleClient;
import cn.cac.testsupport.CountyStaff;
import cn.cac.testsupport.FilingForms;
import cn.cac.testsupport.IntegrationTest;
import cn.cac.testsupport.MiniApi;
import cn.cac.testsupport.PortalCallbacks;
import cn.cac.testsupport.SecondCounty;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The official account serves the whole city: a follower gets their county's own version of a reply text (their county:
 * the county of the operator's latest filing), else the city's; a county office edits only its own versions, and the
 * account's menu and follower sync are the city office's.
 */
@IntegrationTest
class CountyReplyTextsIntegrationTest {


    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    @SuppressWarnings("unchecked")
    void aFollowerGetsTheirCountysOwnTextElseTheCitys() {
        String minquan = SecondCounty.ensure(jdbc);
        ConsoleClient city = new ConsoleClient(port);
        assertThat(city.login("admin", IntegrationTest.ADMIN_PASSWORD).status()).isEqualTo(200);
        ConsoleClient county = CountyStaff.signedIn(port, city, minquan, List.of("ADMIN"));

        // the county office writes its own 帮助; the others stay the city's
        String help = "民权县网信办：回复“备案”了解办理方法 " + UUID.randomUUID().toString().substring(0, 6);
        var saved = county.put("/api/console/admin/official-account/replies", Map.of("texts", Map.of("HELP", help)));
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.get("regionCode")).isEqualTo(minquan);
        List<Map<String, Object>> texts = (List<Map<String, Object>>) saved.get("texts");
        assertThat(texts).extracting(t -> t.get("code")).containsExactly("WELCOME", "HOW_TO_FILE", "POLICY", "HELP");
        assertThat(texts.get(3)).containsEntry("content", help).containsEntry("own", true);
        assertThat(texts.get(0)).containsEntry("own", false);
        List<Map<String, Object>> cityTexts = (List<Map<String, Object>>) city.get("/api/console/admin/official-account/replies")
                .get("texts");
        assertThat(cityTexts).allSatisfy(t -> assertThat(t).containsEntry("own", true)).noneMatch(t -> help.equals(t.get("content")));

        // refused, and nothing changed: another county, an unknown text, too long, a blank city text, the account's menu
        String before = jdbc.queryForObject("SELECT GROUP_CONCAT(CONCAT(region_code, code, content) ORDER BY region_code, code) "
                + "FROM oa_reply_text", String.class);
        for (ConsoleClient.Answer refused : List.of(
                county.put("/api/console/admin/official-account/replies?county=411422", Map.of("texts", Map.of("HELP", "越界"))),
                county.post("/api/console/admin/official-account/menu", Map.of()),
                county.post("/api/console/admin/official-account/followers/sync", Map.of()))) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("SCOPE_FORBIDDEN");
        }
        assertThat(county.put("/api/console/admin/official-account/replies", Map.of("texts", Map.of("HELP", "新的", "GOODBYE", "再见")))
                .code()).isEqualTo("REPLY_CODE_UNKNOWN");
        assertThat(county.put("/api/console/admin/official-account/replies", Map.of("texts", Map.of("HELP", "长".repeat(1001))))
                .code()).isEqualTo("REPLY_TEXT_TOO_LONG");
        var blank = city.put("/api/console/admin/official-account/replies", Map.of("texts", Map.of("HELP", " ")));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.code()).isEqualTo("REPLY_TEXT_REQUIRED");
        assertThat(county.sendRaw("PUT", "/api/console/admin/official-account/replies", "{\"texts\":").status()).isEqualTo(400);
        assertThat(jdbc.queryForObject("SELECT GROUP_CONCAT(CONCAT(region_code, code, content) ORDER BY region_code, code) "
                + "FROM oa_reply_text", String.class)).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT county_code FROM audit_log WHERE action = 'OA_REPLIES_UPDATED' ORDER BY id DESC LIMIT 1",
                String.class)).isEqualTo(minquan);

        // followers: an operator who filed in 民权县 gets its 帮助; one who filed in 睢县, and a stranger, the city's
        MiniApi api = MiniApi.on(port);
        String minquanFollower = follower(api, minquan);
        String suiFollower = follower(api, "411422");
        String stranger = PortalCallbacks.newFollower(port, "stranger-" + UUID.randomUUID().toString().substring(0, 8));
        // the replies are read again at most every 30 s
        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofSeconds(2))
                .until(() -> reply(minquanFollower, "你好").contains(help));
        assertThat(reply(suiFollower, "你好")).contains("回复“备案”").doesNotContain(help);
        assertThat(reply(stranger, "你好")).doesNotContain(help);

        // back to the city's: a blank county text
        assertThat(county.put("/api/console/admin/official-account/replies", Map.of("texts", Map.of("HELP", ""))).status())
                .isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM oa_reply_text WHERE region_code = ?", Integer.class, minquan)).isZero();
    }

    /** A follower who is an operator with a filing in {@code county}. */
    private String follower(MiniApi api, String county) {
        String name = "reply-" + UUID.randomUUID().toString().substring(0, 8);
        MiniApi.Session session = api.loginWithConsent(name);
        Map<String, Object> form = FilingForms.unitForm(FilingForms.newOriginalId());
        form.put("countyCode", county);
        assertThat(api.post("/api/mini/filings", session.accessToken(), form).status()).isEqualTo(201);
        String openid = PortalCallbacks.newFollower(port, name);
        jdbc.update("UPDATE oa_follower SET operator_id = ? WHERE openid = ?", session.operatorId(), openid);
        return openid;
    }

    private String reply(String openid, String said) {
        String xml = "<xml><ToUserName><![CDATA[gh_office]]></ToUserName><FromUserName><![CDATA[" + openid + "]]></FromUserName>"
                + "<CreateTime>" + System.nanoTime() + "</CreateTime><MsgType><![CDATA[text]]></MsgType>"
                + "<Content><![CDATA[" + said + "]]></Content><MsgId>" + System.nanoTime() + "</MsgId></xml>";
        var answer = PortalCallbacks.post(port, xml, true);
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body();
    }
}
