package cn.cac.devservices.demo;

import java.util.List;
import java.util.Map;

import cn.cac.testsupport.ConsoleClient;
import cn.cac.testsupport.MiniApi;

/**
 * Two policy pushes to every operator with an approved filing: one whose readers have all come by (most have read
 * it: finished) and one sent just now that a few have opened so far (running). The publisher writes and publishes
 * them in the console; operators open them in the mini-program's inbox, which records the read receipts.
 */
final class DemoPushes {

    static final String FINISHED = "【演示】关于开展年度公众号备案信息核对的通知";
    static final String RUNNING = "【演示】关于做好汛期网络信息发布工作的提醒";

    private final ConsoleClient publisher;
    private final MiniApi mini;

    DemoPushes(ConsoleClient publisher, MiniApi mini) {
        this.publisher = publisher;
        this.mini = mini;
    }

    void send(List<DemoFiling> plan, Map<Integer, MiniApi.Session> operators) {
        publish(FINISHED, "请各公众号运营者于本月底前核对备案信息，如有变更及时提交变更申请。",
                "<p>各公众号运营者：</p><p>根据县委网信办工作安排，请于本月底前在小程序中核对本单位（本人）公众号的备案信息，"
                        + "信息有变化的请及时提交变更申请。</p><p>（本通知为演示数据）</p>");
        read(FINISHED, operators, 90);
        publish(RUNNING, "汛期将至，请规范发布防汛避险信息，不得编造传播险情灾情。",
                "<p>各公众号运营者：</p><p>汛期将至，请以官方发布为准转载防汛避险信息，不得编造、传播虚假险情灾情。</p>"
                        + "<p>（本通知为演示数据）</p>");
        read(RUNNING, operators, 25);
    }

    private void publish(String title, String summary, String bodyHtml) {
        ConsoleClient.Answer created = publisher.post("/api/console/pushes", Map.of("title", title, "summary", summary,
                "bodyHtml", bodyHtml, "audience", Map.of("kind", "APPROVED"), "channels", List.of()));
        DemoSeeding.expect(created, "create push");
        long id = ((Number) created.get("id")).longValue();
        DemoSeeding.expect(publisher.post("/api/console/pushes/" + id + "/publish", Map.of("version", created.get("version"))),
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
