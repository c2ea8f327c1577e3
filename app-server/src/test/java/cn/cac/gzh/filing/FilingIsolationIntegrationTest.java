package cn.cac.gzh.filing;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import cn.cac.testsupport.FilingForms;
import cn.cac.testsupport.IntegrationTest;
import cn.cac.testsupport.MiniApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator reaches only their own filings: someone else's id answers exactly like a missing one
 * (404, no enumeration), on every endpoint, and changes nothing. Without a token: 401.
 */
@IntegrationTest
class FilingIsolationIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    MiniApi api;
    String alice;
    String mallory;
    long alicesFiling;
    String alicesOriginalId;

    @BeforeEach
    void setUp() {
        api = MiniApi.on(port);
        alice = api.loginWithConsent("alice-" + UUID.randomUUID()).accessToken();
        mallory = api.loginWithConsent("mallory-" + UUID.randomUUID()).accessToken();
        alicesOriginalId = FilingForms.newOriginalId();
        alicesFiling = api.post("/api/mini/filings", alice, FilingForms.unitForm(alicesOriginalId)).id();
    }

    record Call(String method, String path, Object body) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static Stream<Call> filingEndpoints() {
        return Stream.of(
                new Call("GET", "/api/mini/filings/{id}", null),
                new Call("PUT", "/api/mini/filings/{id}", Map.of("version", 0,
                        "form", FilingForms.unitForm(FilingForms.newOriginalId()))),
                new Call("POST", "/api/mini/filings/{id}/submit", Map.of("version", 0)),
                new Call("POST", "/api/mini/filings/{id}/change-request", Map.of("version", 0,
                        "form", FilingForms.unitForm(FilingForms.newOriginalId()))),
                new Call("POST", "/api/mini/filings/{id}/revoke", Map.of("version", 0, "reason", "恶意撤销")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filingEndpoints")
    void anotherOperatorsFilingLooksMissing(Call call) {
        Map<String, Object> before = snapshot();

        var foreign = send(call, alicesFiling, mallory);
        var missing = send(call, 987_654_321L, mallory);

        assertThat(foreign.status()).isEqualTo(404);
        // the same answer but for the request's own id
        assertThat(withoutRequestId(foreign.body())).isEqualTo(withoutRequestId(missing.body()));
        assertThat(foreign.body()).containsKey("requestId");
        assertThat(foreign.code()).isEqualTo("FILING_NOT_FOUND");
        assertThat(snapshot()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filingEndpoints")
    void withoutATokenEveryFilingEndpointAnswers401(Call call) {
        Map<String, Object> before = snapshot();

        var anonymous = send(call, alicesFiling, null);
        var forged = send(call, alicesFiling, "forged-token");

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.code()).isEqualTo("UNAUTHENTICATED");
        assertThat(anonymous.get("message")).isEqualTo("请先登录");
        assertThat(forged.status()).isEqualTo(401);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void listsShowOnlyOwnFilingsAndCreateNeedsAToken() {
        var malloryList = api.get("/api/mini/filings", mallory);
        var aliceList = api.get("/api/mini/filings", alice);

        assertThat(malloryList.status()).isEqualTo(200);
        assertThat(malloryList.get("items").toString()).doesNotContain(String.valueOf(alicesFiling));
        assertThat(aliceList.get("items").toString()).contains("id=" + alicesFiling);
        assertThat(api.get("/api/mini/filings", null).status()).isEqualTo(401);
        assertThat(api.post("/api/mini/filings", null, FilingForms.unitForm(FilingForms.newOriginalId())).status())
                .isEqualTo(401);
        assertThat(api.get("/api/mini/me", null).status()).isEqualTo(401);
    }

    @Test
    void theSameAccountCannotBeFiledByASecondOperator() {
        Map<String, Object> sameOriginalId = FilingForms.unitForm(alicesOriginalId);
        FilingForms.section(sameOriginalId, "account").put("wechatId", "other" + UUID.randomUUID().toString().substring(0, 8));
        Map<String, Object> sameWechatId = FilingForms.unitForm(FilingForms.newOriginalId());
        FilingForms.section(sameWechatId, "account").put("wechatId", "sx" + alicesOriginalId.substring(3));
        int before = count();

        var byOriginalId = api.post("/api/mini/filings", mallory, sameOriginalId);
        var byWechatId = api.post("/api/mini/filings", mallory, sameWechatId);
        var upperCase = api.post("/api/mini/filings", mallory, withOriginalId(alicesOriginalId.toUpperCase().replace("GH_", "gh_")));
        var aliceAgain = api.post("/api/mini/filings", alice, FilingForms.unitForm(alicesOriginalId));

        assertThat(byOriginalId.status()).isEqualTo(409);
        assertThat(byOriginalId.code()).isEqualTo("ACCOUNT_ALREADY_FILED");
        assertThat((String) byOriginalId.get("message")).contains("联系县委网信办");
        assertThat(byWechatId.code()).isEqualTo("ACCOUNT_ALREADY_FILED");
        assertThat(upperCase.code()).isEqualTo("ACCOUNT_ALREADY_FILED");
        assertThat(aliceAgain.code()).isEqualTo("ACCOUNT_ALREADY_FILED_BY_YOU");
        assertThat(count()).isEqualTo(before);
    }

    private static Map<String, Object> withOriginalId(String originalId) {
        Map<String, Object> form = FilingForms.unitForm(FilingForms.newOriginalId());
        FilingForms.section(form, "account").put("originalId", originalId);
        FilingForms.section(form, "account").put("wechatId", "up" + UUID.randomUUID().toString().substring(0, 8));
        return form;
    }

    private MiniApi.Response send(Call call, long id, String token) {
        String path = call.path().replace("{id}", String.valueOf(id));
        return switch (call.method()) {
            case "GET" -> api.get(path, token);
            case "PUT" -> api.put(path, token, call.body());
            default -> api.post(path, token, call.body());
        };
    }

    private Map<String, Object> snapshot() {
        return jdbc.queryForMap("SELECT status, version, account_name, updated_at FROM filing WHERE id = ?", alicesFiling);
    }

    private int count() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM filing", Integer.class);
    }

    private static Map<String, Object> withoutRequestId(Map<String, Object> body) {
        Map<String, Object> copy = new java.util.HashMap<>(body);
        copy.remove("requestId");
        return copy;
    }
}
