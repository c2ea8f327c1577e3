package cn.cac.gzh.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import cn.cac.devservices.WechatSimulator;
import cn.cac.testsupport.ConsoleClient;
import cn.cac.testsupport.MiniApi;
import cn.cac.testsupport.WechatSimulatorClient;

/**
 * Two operators for a push sent from the console, signed in through the mini-program API, so that
 * every part of the progress shows something: {@code follower} follows the official account (the
 * simulator's follower2, linked by the follower sync) and allowed one subscribe message — both WeChat
 * messages go out; {@code refusing} allowed one too, but WeChat refuses its subscribe message with
 * 43101 (a stub at the simulator, removed again by {@link #close()}).
 */
final class PushRecipientsFixture implements AutoCloseable {

    final MiniApi.Session follower;
    final MiniApi.Session refusing;
    private final WireMock simulator;
    private final StubMapping refusal;

    PushRecipientsFixture(MiniApi api, ConsoleClient console, String wechatBaseUrl) {
        follower = optedIn(api, "follower2");
        String code = "pushpage" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        refusing = optedIn(api, code);
        assertThat(console.post("/api/console/admin/official-account/followers/sync", Map.of()).status()).isEqualTo(200);
        simulator = WechatSimulatorClient.connect(wechatBaseUrl);
        refusal = simulator.register(post(urlPathEqualTo("/cgi-bin/message/subscribe/send")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.touser", equalTo("sim-openid-" + code)))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"errcode\":43101,\"errmsg\":\"user refuse to accept the msg rid: sim\"}")));
    }

    List<Long> operatorIds() {
        return List.of(follower.operatorId(), refusing.operatorId());
    }

    /** The operator opens the push in the mini-program's inbox (found by its title). */
    @SuppressWarnings("unchecked")
    static void read(MiniApi api, MiniApi.Session operator, String title) {
        var inbox = (List<Map<String, Object>>) api.get("/api/mini/inbox", operator.accessToken()).get("items");
        Object id = inbox.stream().filter(item -> title.equals(item.get("title"))).findFirst()
                .orElseThrow(() -> new AssertionError("no inbox item " + title + " in " + inbox)).get("id");
        assertThat(api.get("/api/mini/inbox/" + id, operator.accessToken()).status()).isEqualTo(200);
    }

    private static MiniApi.Session optedIn(MiniApi api, String code) {
        MiniApi.Session session = api.login(code);
        assertThat(api.post("/api/mini/subscriptions", session.accessToken(),
                Map.of("results", Map.of(WechatSimulator.POLICY_SUBSCRIBE_TEMPLATE_ID, "accept"))).status()).isEqualTo(201);
        return session;
    }

    @Override
    public void close() {
        simulator.removeStubMapping(refusal);
    }
}
