package cn.cac.gzh.push;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.client.WireMock;
import cn.cac.devservices.WechatSimulator;
import cn.cac.testsupport.ConsoleClient;
import cn.cac.testsupport.FilingForms;
import cn.cac.testsupport.IntegrationTest;
import cn.cac.testsupport.MiniApi;
import cn.cac.testsupport.WechatSimulatorClient;
import cn.cac.testsupport.SecondCounty;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A publisher's policy notice from composition to the operators' inboxes and WeChat, through the
 * real pipeline (workers, WxJava against the simulator), and how operators read it.
 */
@IntegrationTest
class PolicyPushIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Value("${wechat.api-base-url}")
    String wechatBaseUrl;

    @Test
    void aNoticeReachesEveryInboxTheOptedInAndTheFollowersAndIsReadOnce() {
        MiniApi api = MiniApi.on(port);
        String run = UUID.randomUUID().toString().substring(0, 8);
        // A follows the official account (linked by the follower sync), B allowed one subscribe message, C neither
        MiniApi.Session follower = api.login("follower3");
        MiniApi.Session optedIn = api.login("push-b-" + run);
        MiniApi.Session plain = api.login("push-c-" + run);
        ConsoleClient admin = new ConsoleClient(port);
        assertThat(admin.login("admin", IntegrationTest.ADMIN_PASSWORD).status()).isEqualTo(200);
        assertThat(admin.post("/api/console/admin/official-account/followers/sync", Map.of()).status()).isEqualTo(200);
        var templates = api.get("/api/mini/subscriptions/templates", optedIn.accessToken());
        assertThat(templates.map("templates")).containsEntry("POLICY", WechatSimulator.POLICY_SUBSCRIBE_TEMPLATE_ID);
        var accepted = api.post("/api/mini/subscriptions", optedIn.accessToken(),
                Map.of("results", Map.of(WechatSimulator.POLICY_SUBSCRIBE_TEMPLATE_ID, "accept")));
        assertThat(accepted.status()).isEqualTo(201);
        assertThat(accepted.get("accepted")).isEqualTo(1);

        var created = admin.post("/api/console/pushes", Map.of(
                "title", "关于开展2026年度微信公众号登记备案工作的通知（请各运营者认真阅读）",
                "summary", "请尚未备案的公众号在30日内完成登记备案。",
                "bodyHtml", "<p onclick=\"steal()\">请各单位<b>认真落实</b><script>alert(1)</script></p><a href=\"javascript:x()\">x</a>",
                "audience", Map.of("kind", "LISTED", "operatorIds", List.of(follower.operatorId(), optedIn.operatorId(),
                        plain.operatorId())),
                "channels", List.of("SUBSCRIBE", "TEMPLATE")));
        assertThat(created.status()).isEqualTo(201);
        long id = ((Number) created.get("id")).longValue();
        assertThat((String) created.get("bodyHtml")).contains("<b>认真落实</b>").doesNotContain("script", "onclick", "javascript");
        assertThat(created.get("status")).isEqualTo("DRAFT");

        var published = admin.post("/api/console/pushes/" + id + "/publish", Map.of("version", created.get("version")));
        assertThat(published.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(admin.get("/api/console/pushes/" + id).get("status")));

        var detail = admin.get("/api/console/pushes/" + id);
        @SuppressWarnings("unchecked")
        Map<String, Object> progress = (Map<String, Object>) detail.get("progress");
        assertThat(((Number) progress.get("inboxItems")).intValue()).isEqualTo(3);
        assertThat(progress.get("byChannel").toString()).contains("SUBSCRIBE={SENT=1}").contains("TEMPLATE={SENT=1}");

        WireMock simulator = WechatSimulatorClient.connect(wechatBaseUrl);
        var subscribeSends = simulator.find(postRequestedFor(urlPathEqualTo("/cgi-bin/message/subscribe/send"))
                .withRequestBody(matchingJsonPath("$.touser", WireMock.equalTo("sim-openid-push-b-" + run))));
        assertThat(subscribeSends).hasSize(1);
        String body = subscribeSends.get(0).getBodyAsString();
        // thing fields are cut to 20 characters, the page opens the inbox item
        assertThat(body).contains("\"template_id\":\"" + WechatSimulator.POLICY_SUBSCRIBE_TEMPLATE_ID + "\"")
                .contains("关于开展2026年度微信公众号登记备案…").contains("pages/inbox/detail");
        var templateSends = simulator.find(postRequestedFor(urlPathEqualTo("/cgi-bin/message/template/send"))
                .withRequestBody(matchingJsonPath("$.touser", WireMock.equalTo("sim-mp-openid-follower3"))));
        assertThat(templateSends).isNotEmpty();
        long deliveryId = jdbc.queryForObject("SELECT id FROM delivery WHERE source_type = 'POLICY' AND source_id = ? AND channel = 'TEMPLATE'",
                Long.class, id);
        assertThat(templateSends.get(templateSends.size() - 1).getBodyAsString())
                .contains("\"client_msg_id\":\"" + deliveryId + "\"");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM subscribe_opt_in WHERE consumed_at IS NULL AND operator_id = ?",
                Integer.class, optedIn.operatorId())).as("the opt-in is used up").isZero();

        // the operator's inbox: unread, then read once with its time; others see nothing of it
        var inbox = api.get("/api/mini/inbox", plain.accessToken());
        assertThat(((Number) inbox.get("unread")).intValue()).isEqualTo(1);
        @SuppressWarnings("unchecked")
        long itemId = ((Number) ((List<Map<String, Object>>) inbox.get("items")).get(0).get("id")).longValue();
        var item = api.get("/api/mini/inbox/" + itemId, plain.accessToken());
        assertThat(item.status()).isEqualTo(200);
        assertThat((String) item.get("bodyHtml")).contains("认真落实");
        assertThat(item.get("readAt")).isNotNull();
        assertThat(((Number) api.get("/api/mini/inbox", plain.accessToken()).get("unread")).intValue()).isZero();
        var foreign = api.get("/api/mini/inbox/" + itemId, optedIn.accessToken());
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.code()).isEqualTo("INBOX_ITEM_NOT_FOUND");

        @SuppressWarnings("unchecked")
        Map<String, Object> after = (Map<String, Object>) admin.get("/api/console/pushes/" + id).get("progress");
        assertThat(((Number) after.get("read")).intValue()).isEqualTo(1);
        var unread = admin.download("/api/console/pushes/" + id + "/unread.csv");
        String csv = new String(unread.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).contains("运营者编号").contains(String.valueOf(follower.operatorId()))
                .contains(String.valueOf(optedIn.operatorId())).doesNotContain("\n" + plain.operatorId() + ",");

        // a sent push cannot be edited or cancelled
        assertThat(admin.post("/api/console/pushes/" + id + "/cancel", Map.of()).code()).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE target_type = 'PUSH' AND target_id = ?",
                Integer.class, String.valueOf(id))).isEqualTo(2);
    }

    @Test
    void aFilteredAudienceReachesEveryOperatorWithAMatchingFiling() {
        MiniApi api = MiniApi.on(port);
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Long> drafters = List.of(api.loginWithConsent("drafter-a-" + run), api.loginWithConsent("drafter-b-" + run))
                .stream().map(session -> {
                    api.post("/api/mini/filings", session.accessToken(), FilingForms.minimalDraft(FilingForms.newOriginalId()));
                    return session.operatorId();
                }).toList();
        ConsoleClient admin = new ConsoleClient(port);
        admin.login("admin", IntegrationTest.ADMIN_PASSWORD);
        var created = admin.post("/api/console/pushes", Map.of("title", "草稿提醒", "summary", "请尽快提交",
                "bodyHtml", "<p>请尽快提交</p>", "audience", Map.of("kind", "FILTERED", "status", "DRAFT")));
        long id = ((Number) created.get("id")).longValue();
        admin.post("/api/console/pushes/" + id + "/publish", Map.of("version", created.get("version")));
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(admin.get("/api/console/pushes/" + id).get("status")));

        int expected = jdbc.queryForObject("SELECT COUNT(DISTINCT operator_id) FROM filing WHERE status = 'DRAFT'", Integer.class);
        assertThat(jdbc.queryForObject("SELECT recipient_count FROM push_message WHERE id = ?", Integer.class, id)).isEqualTo(expected);
        assertThat(jdbc.queryForList("SELECT operator_id FROM inbox_item WHERE source_type = 'POLICY' AND source_id = ?", Long.class, id))
                .hasSize(expected).containsAll(drafters);
    }

    @Test
    void aCountyOfficesPushReachesItsOwnCountyAndTheCityNamesCounties() {
        SecondCounty.ensure(jdbc);
        MiniApi api = MiniApi.on(port);
        String run = UUID.randomUUID().toString().substring(0, 8);
        var minquanDrafter = api.loginWithConsent("drafter-mq-" + run);
        Map<String, Object> minquanForm = FilingForms.minimalDraft(FilingForms.newOriginalId());
        minquanForm.put("countyCode", "411421");
        assertThat(api.post("/api/mini/filings", minquanDrafter.accessToken(), minquanForm).status()).isEqualTo(201);
        var suiDrafter = api.loginWithConsent("drafter-sx-" + run);
        api.post("/api/mini/filings", suiDrafter.accessToken(), FilingForms.minimalDraft(FilingForms.newOriginalId()));
        ConsoleClient admin = new ConsoleClient(port);
        admin.login("admin", IntegrationTest.ADMIN_PASSWORD);
        String username = "mqpub" + run;
        assertThat(admin.post("/api/console/admin/staff", Map.of("username", username, "displayName", "民权县发布员",
                "password", "County-Publisher-2026", "roles", List.of("PUBLISHER"), "scopeCode", "411421")).status()).isEqualTo(201);
        ConsoleClient county = new ConsoleClient(port);
        county.login(username, "County-Publisher-2026");

        int expected = jdbc.queryForObject(
                "SELECT COUNT(DISTINCT operator_id) FROM filing WHERE status = 'DRAFT' AND county_code = '411421'", Integer.class);
        for (ConsoleClient office : List.of(county, admin)) {
            Map<String, Object> audience = office == county ? Map.of("kind", "FILTERED", "status", "DRAFT")
                    : Map.of("kind", "FILTERED", "status", "DRAFT", "counties", List.of("411421"));
            var created = office.post("/api/console/pushes", Map.of("title", "民权县草稿提醒", "summary", "请尽快提交",
                    "bodyHtml", "<p>请尽快提交</p>", "audience", audience));
            assertThat(created.status()).isEqualTo(201);
            long id = ((Number) created.get("id")).longValue();
            assertThat(office.post("/api/console/pushes/" + id + "/publish", Map.of("version", created.get("version"))).status())
                    .isEqualTo(200);
            await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(office.get("/api/console/pushes/" + id).get("status")));
            assertThat(jdbc.queryForObject("SELECT recipient_count FROM push_message WHERE id = ?", Integer.class, id))
                    .isEqualTo(expected);
            assertThat(jdbc.queryForList("SELECT operator_id FROM inbox_item WHERE source_type = 'POLICY' AND source_id = ?",
                    Long.class, id)).contains(minquanDrafter.operatorId()).doesNotContain(suiDrafter.operatorId());
        }
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        MiniApi api = MiniApi.on(port);
        MiniApi.Session operator = api.login("push-bad-" + UUID.randomUUID().toString().substring(0, 8));
        var unknown = api.post("/api/mini/subscriptions", operator.accessToken(), Map.of("results", Map.of("tmpl-x", "accept")));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.code()).isEqualTo("TEMPLATE_UNKNOWN");
        var answer = api.post("/api/mini/subscriptions", operator.accessToken(),
                Map.of("results", Map.of(WechatSimulator.POLICY_SUBSCRIBE_TEMPLATE_ID, "maybe")));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM subscribe_opt_in WHERE operator_id = ?", Integer.class,
                operator.operatorId())).isZero();
        assertThat(api.get("/api/mini/inbox", null).status()).isEqualTo(401);

        ConsoleClient admin = new ConsoleClient(port);
        admin.login("admin", IntegrationTest.ADMIN_PASSWORD);
        int before = jdbc.queryForObject("SELECT COUNT(*) FROM push_message", Integer.class);
        var blank = admin.post("/api/console/pushes", Map.of("title", " ", "summary", "s", "bodyHtml", "<p>x</p>",
                "audience", Map.of("kind", "APPROVED")));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.code()).isEqualTo("VALIDATION_FAILED");
        var empty = admin.post("/api/console/pushes", Map.of("title", "t", "summary", "s", "bodyHtml", "<p>x</p>",
                "audience", Map.of("kind", "LISTED")));
        assertThat(empty.code()).isEqualTo("AUDIENCE_EMPTY");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM push_message", Integer.class)).isEqualTo(before);
        assertThat(admin.get("/api/console/pushes/999999999").code()).isEqualTo("PUSH_NOT_FOUND");
    }

    @Test
    void aScheduledPushCanBeCancelledBeforeAnythingLeaves() {
        ConsoleClient admin = new ConsoleClient(port);
        admin.login("admin", IntegrationTest.ADMIN_PASSWORD);
        var created = admin.post("/api/console/pushes", Map.of("title", "定时通知", "summary", "明天发送", "bodyHtml", "<p>x</p>",
                "audience", Map.of("kind", "APPROVED")));
        long id = ((Number) created.get("id")).longValue();
        var scheduled = admin.post("/api/console/pushes/" + id + "/publish", Map.of("version", created.get("version"),
                "sendAt", java.time.OffsetDateTime.now().plusDays(1).toString()));
        assertThat(scheduled.get("status")).isEqualTo("SCHEDULED");
        var cancelled = admin.post("/api/console/pushes/" + id + "/cancel", Map.of());
        assertThat(cancelled.get("status")).isEqualTo("CANCELLED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inbox_item WHERE source_type = 'POLICY' AND source_id = ?",
                Integer.class, id)).isZero();
        assertThat(admin.put("/api/console/pushes/" + id, Map.of("version", 2, "draft", Map.of("title", "t", "summary", "s",
                "bodyHtml", "<p>x</p>", "audience", Map.of("kind", "APPROVED")))).code()).isEqualTo("PUSH_NOT_DRAFT");
    }
}
