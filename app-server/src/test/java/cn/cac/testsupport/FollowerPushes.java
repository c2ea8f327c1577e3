package cn.cac.testsupport;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Many official-account followers at once, and a policy push to every follower (the multi-instance tests). */
public final class FollowerPushes {

    private FollowerPushes() {
    }

    /** {@code count} subscribed followers {@code sim-mp-openid-<prefix><n>}, written directly (the portal would be slow). */
    public static void seed(JdbcTemplate jdbc, String prefix, int count) {
        List<Object[]> rows = new ArrayList<>();
        LocalDateTime now = LocalDateTime.now();
        for (int i = 0; i < count; i++) {
            rows.add(new Object[] {"sim-mp-openid-" + prefix + i, now, now});
        }
        jdbc.batchUpdate("INSERT INTO oa_follower (openid, subscribed, subscribed_at, updated_at) VALUES (?, TRUE, ?, ?)", rows);
    }

    /** Creates and publishes a template-message push to every follower; its id. */
    public static long publish(ConsoleClient admin, String title, String summary) {
        var created = admin.post("/api/console/pushes", Map.of("title", title, "summary", summary, "bodyHtml", "<p>x</p>",
                "audience", Map.of("kind", "FOLLOWERS"), "channels", List.of("TEMPLATE")));
        assertThat(created.get("id")).as("push created: %s", created.body()).isNotNull();
        long id = ((Number) created.get("id")).longValue();
        assertThat(admin.post("/api/console/pushes/" + id + "/publish", Map.of("version", created.get("version"))).status())
                .isEqualTo(200);
        return id;
    }
}
