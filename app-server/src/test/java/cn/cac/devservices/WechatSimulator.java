package cn.cac.devservices;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/**
 * WireMock standing in for api.weixin.qq.com, so that WxJava runs for real without an AppID.
 * Conventions (documented in docs/dev-services.md):
 * <ul>
 *   <li>{@code wx.login} code {@code X} → openid {@code sim-openid-X}, unionid {@code sim-union-X};
 *       a code starting with {@code bad} → 40029, with {@code busy} → -1 (system busy)</li>
 *   <li>phone code {@code phone-13912345678} → that number; any other code → 40029</li>
 *   <li>official-account openid {@code sim-mp-openid-X} → unionid {@code sim-union-X}</li>
 *   <li>subscribe and template sends → ok with a msgid</li>
 *   <li>menu creation → ok; follower list → {@code sim-mp-openid-follower1..3}; batch user info → unionids as above</li>
 *   <li>OCR of ID cards and business licences: fetches {@code img_url} like WeChat does and "reads" the fields
 *       a {@link SimulatedDocuments} photo carries; an unreachable link → 101000, no document found → 101001</li>
 * </ul>
 * Every request it received is listed at {@code /__admin/requests}.
 */
public final class WechatSimulator implements DevService {

    static final String NAME = "WeChat simulator (WireMock)";

    public static final String MINIAPP_APP_ID = "wx00000000000sim01";
    public static final String MINIAPP_SECRET = "sim-miniapp-secret";
    public static final String MP_APP_ID = "wx00000000000sim02";
    public static final String MP_SECRET = "sim-mp-secret";
    public static final String MP_TOKEN = "sim-callback-token";
    public static final String MP_AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    /** Template ids of policy notices (a subscribe message and a template message). */
    public static final String POLICY_SUBSCRIBE_TEMPLATE_ID = "sim-subscribe-policy";
    public static final String POLICY_TEMPLATE_ID = "sim-template-policy";
    public static final String REVIEW_RESULT_SUBSCRIBE_TEMPLATE_ID = "sim-subscribe-review";
    public static final String REVIEW_RESULT_TEMPLATE_ID = "sim-template-review";
    public static final String REMINDER_SUBSCRIBE_TEMPLATE_ID = "sim-subscribe-reminder";
    public static final String REMINDER_TEMPLATE_ID = "sim-template-reminder";
    public static final String DIGEST_TEMPLATE_ID = "sim-template-digest";
    /** Base64 of 16 bytes, like a real session_key. */
    static final String SESSION_KEY = "c2ltLXNlc3Npb24ta2V5IQ==";

    private final WireMockServer server;

    private WechatSimulator(WireMockServer server) {
        this.server = server;
    }

    public static WechatSimulator start() {
        // enough workers that a burst of slow answers (tests delay some by seconds) is served at once, as WeChat would
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().containerThreads(120)
                .maxRequestJournalEntries(10_000).extensions(new SimulatedOcr()));
        try {
            server.start();
            stubEndpoints(server);
            return new WechatSimulator(server);
        } catch (RuntimeException e) {
            server.stop();
            throw StartupSelfCheck.diagnose(NAME, "WECHAT_API_BASE_URL", 0, null, e, List.of());
        }
    }

    public WireMockServer server() {
        return server;
    }

    static void stubEndpoints(WireMockServer server) {
        server.stubFor(post(urlPathEqualTo("/cgi-bin/stable_token"))
                .willReturn(json("{\"access_token\":\"sim-token-{{jsonPath request.body '$.appid'}}\",\"expires_in\":7200}")));
        server.stubFor(get(urlPathEqualTo("/cgi-bin/token"))
                .willReturn(json("{\"access_token\":\"sim-token-{{request.query.appid}}\",\"expires_in\":7200}")));

        server.stubFor(get(urlPathEqualTo("/sns/jscode2session"))
                .willReturn(json("{\"openid\":\"sim-openid-{{request.query.js_code}}\",\"session_key\":\"" + SESSION_KEY
                        + "\",\"unionid\":\"sim-union-{{request.query.js_code}}\"}")));
        server.stubFor(get(urlPathEqualTo("/sns/jscode2session")).withQueryParam("js_code", matching("bad.*"))
                .atPriority(1)
                .willReturn(json("{\"errcode\":40029,\"errmsg\":\"invalid code, rid: sim\"}")));

        server.stubFor(get(urlPathEqualTo("/sns/jscode2session")).withQueryParam("js_code", matching("busy.*"))
                .atPriority(1)
                .willReturn(json("{\"errcode\":-1,\"errmsg\":\"system error, rid: sim\"}")));

        server.stubFor(post(urlPathEqualTo("/wxa/business/getuserphonenumber"))
                .willReturn(json("{\"errcode\":40029,\"errmsg\":\"invalid code, rid: sim\"}")));
        server.stubFor(post(urlPathEqualTo("/wxa/business/getuserphonenumber"))
                .withRequestBody(matchingJsonPath("$.code", matching("phone-1\\d{10}")))
                .atPriority(1)
                .willReturn(json("""
                        {"errcode":0,"errmsg":"ok","phone_info":{\
                        "phoneNumber":"{{regexExtract (jsonPath request.body '$.code') '1[0-9]{10}'}}",\
                        "purePhoneNumber":"{{regexExtract (jsonPath request.body '$.code') '1[0-9]{10}'}}",\
                        "countryCode":"86","watermark":{"timestamp":{{now format='epoch'}},"appid":"%s"}}}"""
                        .formatted(MINIAPP_APP_ID))));

        server.stubFor(post(urlPathEqualTo("/cgi-bin/message/subscribe/send"))
                .willReturn(json("{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":{{randomInt lower=100000000 upper=999999999}} }")));
        server.stubFor(post(urlPathEqualTo("/cgi-bin/message/template/send"))
                .willReturn(json("{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":{{randomInt lower=100000000 upper=999999999}} }")));

        stubOfficialAccountAdministration(server);
        server.stubFor(post(urlPathEqualTo("/cv/ocr/idcard")).willReturn(aResponse().withTransformers(SimulatedOcr.NAME)));
        server.stubFor(post(urlPathEqualTo("/cv/ocr/bizlicense")).willReturn(aResponse().withTransformers(SimulatedOcr.NAME)));
        server.stubFor(get(urlPathEqualTo("/cgi-bin/user/info"))
                .willReturn(json("""
                        {"subscribe":1,"openid":"{{request.query.openid}}","language":"zh_CN",\
                        "subscribe_time":1700000000,"unionid":"sim-union-{{regexExtract request.query.openid '[^-]+$'}}",\
                        "remark":"","groupid":0,"tagid_list":[],"subscribe_scene":"ADD_SCENE_QR_CODE","qr_scene":0,"qr_scene_str":""}""")));
    }

    static void stubOfficialAccountAdministration(WireMockServer server) {
        server.stubFor(post(urlPathEqualTo("/cgi-bin/menu/create")).willReturn(json("{\"errcode\":0,\"errmsg\":\"ok\"}")));
        server.stubFor(get(urlPathEqualTo("/cgi-bin/user/get")).willReturn(json(
                "{\"total\":3,\"count\":3,\"data\":{\"openid\":[\"sim-mp-openid-follower1\",\"sim-mp-openid-follower2\","
                        + "\"sim-mp-openid-follower3\"]},\"next_openid\":\"\"}")));
        server.stubFor(post(urlPathEqualTo("/cgi-bin/user/info/batchget")).willReturn(json(
                "{\"user_info_list\":[{{#each (jsonPath request.body '$.user_list') as |u|}}{{#unless @first}},{{/unless}}"
                        + "{\"subscribe\":1,\"openid\":\"{{u.openid}}\",\"language\":\"zh_CN\",\"subscribe_time\":1700000000,"
                        + "\"unionid\":\"sim-union-{{regexExtract u.openid '[^-]+$'}}\"}{{/each}} ]}")));
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(body)
                .withTransformers("response-template");
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Only the API's address: app ids, secrets, token and key come from {@link LocalWechatSettings}. */
    @Override
    public Map<String, String> properties() {
        return Map.of("wechat.api-base-url", baseUrl());
    }

    @Override
    public String location() {
        return baseUrl() + " (received requests: " + baseUrl() + "/__admin/requests)";
    }

    @Override
    public void close() {
        server.stop();
    }

}
