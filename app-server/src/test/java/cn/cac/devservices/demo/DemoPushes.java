package cn.cac.devservices.demo;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import cn.cac.testsupport.ConsoleClient;
import cn.cac.testsupport.MiniApi;

/**
 * Policy pushes to every operator with an approved filing: one whose readers have come by (most have read it:
 * finished), one sent just now that a few have opened so far (running), and one scheduled for tomorrow morning. The
 * publisher writes and publishes them in the console; operators open them in the mini-program's inbox, which records
 * the read receipts.
 */
final class DemoPushes {

    static final String FINISHED = "【演示】关于开展年度公众号备案信息核对的通知";
    static final String RUNNING = "【演示】关于做好汛期网络信息发布工作的提醒";
    static final String SCHEDULED = "【演示】关于学习《互联网用户公众账号信息服务管理规定》的通知";

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final ConsoleClient publisher;
    private final MiniApi mini;

    /** A draft push: its id and the version its publication names. */
    private record Draft(long id, Object version) {
    }

    DemoPushes(ConsoleClient publisher, MiniApi mini) {
        this.publisher = publisher;
        this.mini = mini;
    }

    void send(Map<Integer, MiniApi.Session> operators) {
        publish(FINISHED, "请各公众号运营者于本月底前核对备案信息，如有变更及时提交变更申请。",
                "<p>各公众号运营者：</p><p>根据县委网信办工作安排，请于本月底前在小程序中核对本单位（本人）公众号的备案信息，"
                        + "信息有变化的请及时提交变更申请。</p><p>（本通知为演示数据）</p>");
        read(FINISHED, operators, 90);
        publish(RUNNING, "汛期将至，请规范发布防汛避险信息，不得编造传播险情灾情。",
                "<p>各公众号运营者：</p><p>汛期将至，请以官方发布为准转载防汛避险信息，不得编造、传播虚假险情灾情。</p>"
                        + "<p>（本通知为演示数据）</p>");
        read(RUNNING, operators, 25);
        Draft scheduled = create(SCHEDULED, "请各公众号运营者认真学习规定全文，规范账号信息服务。",
                "<p>各公众号运营者：</p><p>请认真学习《互联网用户公众账号信息服务管理规定》，规范公众号信息发布。</p><p>（本通知为演示数据）</p>");
        // tomorrow 09:00 Beijing time: the push list shows one waiting to go out
        OffsetDateTime sendAt = LocalDate.now(BEIJING).plusDays(1).atTime(9, 0).atZone(BEIJING).toOffsetDateTime();
        DemoSeeding.expect(publisher.post("/api/console/pushes/" + scheduled.id() + "/publish",
                Map.of("version", scheduled.version(), "sendAt", sendAt.toString())), "schedule push");
    }

    private Draft create(String title, String summary, String bodyHtml) {
        ConsoleClient.Answer created = publisher.post("/api/console/pushes", Map.of("title", title, "summary", summary,
                "bodyHtml", bodyHtml, "audience", Map.of("kind", "APPROVED"), "channels", List.of()));
        DemoSeeding.expect(created, "create push");
        return new Draft(((Number) created.get("id")).longValue(), created.get("version"));
    }

    private void publish(String title, String summary, String bodyHtml) {
        Draft draft = create(title, summary, bodyHtml);
        long id = draft.id();
        DemoSeeding.expect(publisher.post("/api/console/pushes/" + id + "/publish", Map.of("version", draft.version())),
                "publish push");
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!"SENT".equals(publisher.get("/api/console/pushes/" + id).get("status"))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Demo data: push " + id + " was not sent within a minute");
            }
            sleep();
        }
    }

    /** The first {@code percent} % of the operators (by number) open the push in their inbox. */
    @SuppressWarnings("unchecked")
    private void read(String title, Map<Integer, MiniApi.Session> operators, int percent) {
        DemoSeeding.inParallel(operators.entrySet().stream().filter(e -> e.getKey() % 100 < percent).toList(), e -> {
            String token = e.getValue().accessToken();
            List<Map<String, Object>> items = (List<Map<String, Object>>) mini.get("/api/mini/inbox?size=50", token).get("items");
            items.stream().filter(item -> title.equals(item.get("title"))).findFirst()
                    .ifPresent(item -> mini.get("/api/mini/inbox/" + item.get("id"), token));
        });
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
