package cn.cac.gzh.console;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.cac.testsupport.ConsoleClient;
import cn.cac.testsupport.FilingForms;
import cn.cac.testsupport.IntegrationTest;
import cn.cac.testsupport.MiniApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Campaigns (and the due dates they move), the place-name dictionary, and the audit log viewer. */
@IntegrationTest
class ConsoleAdministrationIntegrationTest {

    @LocalServerPort
    int port;

    ConsoleClient admin;
    MiniApi api;

    @BeforeEach
    void setUp() {
        admin = new ConsoleClient(port);
        assertThat(admin.login("admin", IntegrationTest.ADMIN_PASSWORD).status()).isEqualTo(200);
        api = MiniApi.on(port);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aNewCampaignMovesTheDueDatesOfAccountsOpenedDuringIt() {
        String token = api.loginWithConsent("campaign-" + UUID.randomUUID()).accessToken();
        Map<String, Object> form = FilingForms.unitForm(FilingForms.newOriginalId());
        FilingForms.section(form, "account").put("openedOn", "2021-03-05");
        long id = api.post("/api/mini/filings", token, form).id();
        assertThat(api.get("/api/mini/filings/" + id, token).get("dueOn")).isEqualTo("2021-04-04");

        var invalid = admin.post("/api/console/admin/campaigns", Map.of("name", "倒置", "startsOn", "2021-03-10", "endsOn", "2021-03-01"));
        assertThat(invalid.code()).isEqualTo("CAMPAIGN_DATES_INVALID");
        var created = admin.post("/api/console/admin/campaigns",
                Map.of("name", "2021年集中登记备案", "startsOn", "2021-03-01", "endsOn", "2021-05-31"));
        assertThat(created.status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "2021-05-31".equals(api.get("/api/mini/filings/" + id, token).get("dueOn")));
        assertThat(admin.get("/api/console/admin/campaigns").get("items").toString()).contains("2021年集中登记备案");
        assertThat(api.get("/api/mini/office", null).get("campaigns").toString()).contains("2021年集中登记备案");

        long campaignId = ((Number) created.get("id")).longValue();
        assertThat(admin.put("/api/console/admin/campaigns/" + campaignId,
                Map.of("name", "2021年集中登记备案", "startsOn", "2021-03-01", "endsOn", "2021-06-30")).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "2021-06-30".equals(api.get("/api/mini/filings/" + id, token).get("dueOn")));
        assertThat(admin.send("DELETE", "/api/console/admin/campaigns/" + campaignId).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "2021-04-04".equals(api.get("/api/mini/filings/" + id, token).get("dueOn")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void dictionaryEditsChangeTheSelfCheck() {
        String word = "恒山" + UUID.randomUUID().toString().substring(0, 4);
        assertThat(api.post("/api/mini/self-check", null, Map.of("accountName", word + "夜市")).get("filingRequired")).isEqualTo(false);

        assertThat(admin.post("/api/console/admin/place-names", Map.of("term", word, "kind", "LOCAL_FEATURE")).status()).isEqualTo(201);
        assertThat(admin.post("/api/console/admin/place-names", Map.of("term", word, "kind", "LOCAL_FEATURE")).code()).isEqualTo("TERM_EXISTS");
        assertThat(admin.post("/api/console/admin/place-names", Map.of("term", "蓼堤新区", "kind", "TOWNSHIP_ALIAS")).code())
                .isEqualTo("TOWNSHIP_REQUIRED");
        assertThat(admin.post("/api/console/admin/place-names", Map.of("term", "某某", "kind", "TOWNSHIP_ALIAS", "township", "不存在镇")).code())
                .isEqualTo("TOWNSHIP_NOT_FOUND");
        assertThat(api.post("/api/mini/self-check", null, Map.of("accountName", word + "夜市")).get("filingRequired")).isEqualTo(true);
        var dictionary = admin.get("/api/console/admin/place-names");
        assertThat(dictionary.get("placeNames").toString()).contains(word);
        assertThat((List<?>) dictionary.get("townships")).hasSize(20);

        var withoutTerm = admin.send("DELETE", "/api/console/admin/place-names");
        assertThat(withoutTerm.status()).isEqualTo(400);
        assertThat(withoutTerm.code()).isEqualTo("MALFORMED_REQUEST");
        assertThat(withoutTerm.get("message")).isEqualTo("缺少参数 term");
        assertThat(admin.get("/api/console/admin/place-names").get("placeNames").toString()).contains(word);
        assertThat(admin.send("DELETE", "/api/console/admin/place-names?term=" + java.net.URLEncoder.encode(word, java.nio.charset.StandardCharsets.UTF_8)).status())
                .isEqualTo(204);
        assertThat(api.post("/api/mini/self-check", null, Map.of("accountName", word + "夜市")).get("filingRequired")).isEqualTo(false);

        var audit = admin.get("/api/console/admin/audit?action=PLACE_NAME_ADDED&targetId="
                + java.net.URLEncoder.encode(word, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(((Number) audit.get("total")).intValue()).isEqualTo(1);
        Map<String, Object> entry = ((List<Map<String, Object>>) audit.get("items")).get(0);
        assertThat(entry.get("actorType")).isEqualTo("STAFF");
        assertThat((String) entry.get("occurredAt")).endsWith("+08:00");
        assertThat(((Number) admin.get("/api/console/admin/audit?action=LOGIN&from=2000-01-01").get("total")).intValue()).isPositive();
    }
}
