package cn.cac.gzh.wechat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.cac.devservices.WechatSimulator;
import cn.cac.testsupport.WechatSimulatorClient;
import cn.binarywang.wx.miniapp.bean.WxMaSubscribeMessage;
import cn.cac.testsupport.IntegrationTest;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateData;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateMessage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The simulator's conventions, exercised through the real WxJava services the application uses. */
@IntegrationTest
class WechatSimulatorIntegrationTest {

    @Autowired
    WxMaService miniapp;
    @Autowired
    WxMpService officialAccount;
    @Value("${wechat.api-base-url}")
    String wechatBaseUrl;

    @Test
    void badLoginCodeIsRefusedWith40029() {
        assertThatThrownBy(() -> miniapp.getUserService().getSessionInfo("bad-code"))
                .isInstanceOfSatisfying(WxErrorException.class,
                        e -> assertThat(e.getError().getErrorCode()).isEqualTo(40029));
    }

    @Test
    void phoneCodeCarriesTheNumber() throws Exception {
        var phone = miniapp.getUserService().getPhoneNumber("phone-13912345678");

        assertThat(phone.getPhoneNumber()).isEqualTo("13912345678");
        assertThat(phone.getPurePhoneNumber()).isEqualTo("13912345678");
        assertThat(phone.getCountryCode()).isEqualTo("86");
    }

    @Test
    void unknownPhoneCodeIsRefused() {
        assertThatThrownBy(() -> miniapp.getUserService().getPhoneNumber("expired"))
                .isInstanceOfSatisfying(WxErrorException.class,
                        e -> assertThat(e.getError().getErrorCode()).isEqualTo(40029));
    }

    @Test
    void subscribeMessageIsAccepted() throws Exception {
        var message = WxMaSubscribeMessage.builder().toUser("sim-openid-alice").templateId("tmpl-deadline")
                .page("pages/filing/detail").build();
        message.addData(new WxMaSubscribeMessage.MsgData("thing1", "备案即将到期"));

        miniapp.getMsgService().sendSubscribeMsg(message);
    }

    @Test
    void templateMessageGetsAMsgId() throws Exception {
        var message = WxMpTemplateMessage.builder().toUser("sim-mp-openid-alice").templateId("tmpl-policy").build();
        message.addData(new WxMpTemplateData("thing1", "新政策"));

        String msgId = officialAccount.getTemplateMsgService().sendTemplateMsg(message);

        assertThat(msgId).matches("\\d{9}");
    }

    @Test
    void followerInfoCarriesTheUnionIdOfTheSamePerson() throws Exception {
        var user = officialAccount.getUserService().userInfo("sim-mp-openid-alice");

        assertThat(user.getOpenId()).isEqualTo("sim-mp-openid-alice");
        assertThat(user.getUnionId()).isEqualTo("sim-union-alice");
        assertThat(user.getSubscribe()).isTrue();
    }

    @Test
    void manyCallersOnAnExpiredTokenFetchItOnce() throws Exception {
        var simulator = WechatSimulatorClient.connect(wechatBaseUrl);
        var tokenRequests = postRequestedFor(urlPathEqualTo("/cgi-bin/stable_token"))
                .withRequestBody(matchingJsonPath("$.appid", equalTo(WechatSimulator.MP_APP_ID)));
        // a slow token answer, so that every caller arrives while the first one is still fetching
        var slow = simulator.register(post(urlPathEqualTo("/cgi-bin/stable_token")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.appid", equalTo(WechatSimulator.MP_APP_ID)))
                .willReturn(aResponse().withFixedDelay(300).withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"sim-token-fresh\",\"expires_in\":7200}")));
        ExecutorService callers = Executors.newFixedThreadPool(32);
        try {
            officialAccount.getWxMpConfigStorage().expireAccessToken();
            int before = simulator.find(tokenRequests).size();
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> tokens = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                tokens.add(callers.submit(() -> {
                    start.await();
                    return officialAccount.getAccessToken();
                }));
            }
            start.countDown();
            Set<String> seen = new HashSet<>();
            for (Future<String> token : tokens) {
                seen.add(token.get());
            }

            assertThat(seen).as("one token for all").hasSize(1);
            assertThat(simulator.find(tokenRequests).size() - before).as("token fetches").isEqualTo(1);
        } finally {
            callers.shutdownNow();
            simulator.removeStubMapping(slow);
        }
    }
}
