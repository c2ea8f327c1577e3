package cn.cac.gzh.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.cac.testsupport.ConsoleClient;
import cn.cac.testsupport.IntegrationTest;
import cn.cac.testsupport.MiniApi;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** With the second approval on, a push waits for another publisher; its author cannot approve it. */
@IntegrationTest
@TestPropertySource(properties = "push.second-approval=true")
class PushSecondApprovalIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void aPushGoesOutOnlyAfterAnotherPublisherApprovedIt() {
        long operator = MiniApi.on(port).login("approval-" + UUID.randomUUID().toString().substring(0, 8)).operatorId();
        ConsoleClient admin = new ConsoleClient(port);
        admin.login("admin", IntegrationTest.ADMIN_PASSWORD);
        String second = "pub" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(admin.post("/api/console/admin/staff", Map.of("username", second, "displayName", "第二发布员",
                "password", "Second-Publisher-2026", "roles", List.of("PUBLISHER"))).status()).isEqualTo(201);

        var created = admin.post("/api/console/pushes", Map.of("title", "需复核的通知", "summary", "复核后发送",
                "bodyHtml", "<p>x</p>", "audience", Map.of("kind", "LISTED", "operatorIds", List.of(operator))));
        long id = ((Number) created.get("id")).longValue();
        var published = admin.post("/api/console/pushes/" + id + "/publish", Map.of("version", created.get("version")));
        assertThat(published.get("status")).isEqualTo("AWAITING_APPROVAL");
        var own = admin.post("/api/console/pushes/" + id + "/approve", Map.of());
        assertThat(own.status()).isEqualTo(409);
        assertThat(own.code()).isEqualTo("SAME_PUBLISHER");
        assertThat(admin.get("/api/console/pushes/" + id).get("status")).isEqualTo("AWAITING_APPROVAL");

        ConsoleClient other = new ConsoleClient(port);
        assertThat(other.login(second, "Second-Publisher-2026").status()).isEqualTo(200);
        var approved = other.post("/api/console/pushes/" + id + "/approve", Map.of());
        assertThat(approved.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(admin.get("/api/console/pushes/" + id).get("status")));
        assertThat(admin.get("/api/console/pushes/" + id).get("approvedBy")).isNotNull();
    }
}
