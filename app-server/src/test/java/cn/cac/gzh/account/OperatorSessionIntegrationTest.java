package cn.cac.gzh.account;

import java.util.Map;
import java.util.UUID;

import cn.cac.testsupport.FilingForms;
import cn.cac.testsupport.IntegrationTest;
import cn.cac.testsupport.MiniApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Login through the WeChat simulator, our tokens' lifecycle, phone binding and consent versions. */
@IntegrationTest
class OperatorSessionIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    MiniApi api;

    @BeforeEach
    void setUp() {
        api = MiniApi.on(port);
    }

    @Test
    void loginCreatesTheOperatorOnceAndKeepsTheSessionKeyServerSide() {
        String code = "session-" + UUID.randomUUID();
        var first = api.post("/api/mini/auth/login", null, Map.of("code", code));
        var second = api.post("/api/mini/auth/login", null, Map.of("code", code));

        assertThat(first.get("operatorId")).isEqualTo(second.get("operatorId"));
        assertThat(first.body().toString()).doesNotContain("session_key").doesNotContain("c2ltLXNlc3Npb24ta2V5IQ==");
        Map<String, Object> row = jdbc.queryForMap("SELECT openid, unionid, session_key FROM account_operator WHERE openid = ?",
                "sim-openid-" + code);
        assertThat(row.get("unionid")).isEqualTo("sim-union-" + code);
        assertThat((String) row.get("session_key")).startsWith("v1:");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM account_session WHERE access_token_hash = ?", Integer.class,
                first.get("accessToken"))).as("tokens are stored hashed").isZero();
    }

    @Test
    void badOrBusyLoginCodesGiveClearErrorsAndCreateNoOperator() {
        int before = jdbc.queryForObject("SELECT COUNT(*) FROM account_operator", Integer.class);

        var bad = api.post("/api/mini/auth/login", null, Map.of("code", "bad-code"));
        var busy = api.post("/api/mini/auth/login", null, Map.of("code", "busy-code"));
        var blank = api.post("/api/mini/auth/login", null, Map.of("code", " "));
        // the simulator answers openid "sim-openid-" + code: 111 characters, longer than any real openid
        var brokenAnswer = api.post("/api/mini/auth/login", null, Map.of("code", "x".repeat(100)));

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.code()).isEqualTo("LOGIN_CODE_INVALID");
        assertThat((String) bad.get("message")).contains("重新登录");
        assertThat(busy.status()).isEqualTo(503);
        assertThat(busy.code()).isEqualTo("WECHAT_UNAVAILABLE");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(brokenAnswer.status()).isEqualTo(503);
        assertThat(brokenAnswer.code()).isEqualTo("WECHAT_UNAVAILABLE");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM account_operator", Integer.class)).isEqualTo(before);
    }

    @Test
    void expiredTokenAsksForRefreshAndRefreshRotatesTheTokens() {
        MiniApi.Session session = api.login("expiry-" + UUID.randomUUID());
        jdbc.update("UPDATE account_session SET access_expires_at = '2000-01-01' WHERE operator_id = ?", session.operatorId());

        var expired = api.get("/api/mini/me", session.accessToken());
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.code()).isEqualTo("TOKEN_EXPIRED");

        var refreshed = api.post("/api/mini/auth/refresh", null, Map.of("refreshToken", session.refreshToken()));
        assertThat(refreshed.status()).isEqualTo(200);
        String newToken = (String) refreshed.get("accessToken");
        assertThat(api.get("/api/mini/me", newToken).status()).isEqualTo(200);

        var reused = api.post("/api/mini/auth/refresh", null, Map.of("refreshToken", session.refreshToken()));
        assertThat(reused.status()).isEqualTo(401);
        assertThat(reused.code()).isEqualTo("REFRESH_TOKEN_INVALID");
    }

    @Test
    void logoutRevokesTheToken() {
        MiniApi.Session session = api.login("logout-" + UUID.randomUUID());
        assertThat(api.get("/api/mini/me", session.accessToken()).status()).isEqualTo(200);

        assertThat(api.post("/api/mini/auth/logout", session.accessToken(), null).status()).isEqualTo(204);

        var after = api.get("/api/mini/me", session.accessToken());
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.code()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void phoneBindingNeedsConsentThenStoresTheNumberAndAnswersMasked() {
        MiniApi.Session session = api.login("phone-" + UUID.randomUUID());
        String token = session.accessToken();

        var beforeConsent = api.post("/api/mini/me/phone", token, Map.of("code", "phone-13912345678"));
        assertThat(beforeConsent.status()).isEqualTo(403);
        assertThat(beforeConsent.code()).isEqualTo("CONSENT_REQUIRED");

        consent(token);
        var badCode = api.post("/api/mini/me/phone", token, Map.of("code", "expired"));
        assertThat(badCode.status()).isEqualTo(400);
        assertThat(badCode.code()).isEqualTo("PHONE_CODE_INVALID");
        assertThat(phoneOf(session)).isNull();

        var bound = api.post("/api/mini/me/phone", token, Map.of("code", "phone-13912345678"));
        assertThat(bound.status()).isEqualTo(200);
        assertThat(bound.get("phone")).isEqualTo("139****5678");
        assertThat(bound.get("phoneBound")).isEqualTo(true);
        assertThat(phoneOf(session)).isEqualTo("13912345678");
    }

    @Test
    void consentMustBeCompleteAndForTheCurrentVersion() {
        String token = api.login("consent-" + UUID.randomUUID()).accessToken();
        String version = (String) api.get("/api/mini/privacy-notice", null).get("version");

        var noSensitive = api.post("/api/mini/me/consents", token,
                Map.of("version", version, "personalInfo", true, "sensitiveInfo", false));
        var oldVersion = api.post("/api/mini/me/consents", token,
                Map.of("version", "2000-1", "personalInfo", true, "sensitiveInfo", true));

        assertThat(noSensitive.status()).isEqualTo(400);
        assertThat(noSensitive.code()).isEqualTo("CONSENT_INCOMPLETE");
        assertThat(oldVersion.status()).isEqualTo(409);
        assertThat(oldVersion.code()).isEqualTo("CONSENT_VERSION_OUTDATED");
        assertThat(api.get("/api/mini/me", token).get("consentRequired")).isEqualTo(true);
    }

    @Test
    void aNewPrivacyNoticeRequiresConsentAgain() {
        MiniApi.Session session = api.loginWithConsent("renotice-" + UUID.randomUUID());
        String token = session.accessToken();
        assertThat(api.get("/api/mini/me", token).get("consentRequired")).isEqualTo(false);
        jdbc.update("INSERT INTO account_privacy_notice (version, title, content, published_at) "
                + "VALUES ('9999-test', '新版隐私政策', '新增内容', UTC_TIMESTAMP(3) - INTERVAL 1 SECOND)");
        try {
            assertThat(api.get("/api/mini/me", token).get("consentRequired")).isEqualTo(true);
            var refused = api.post("/api/mini/filings", token, FilingForms.unitForm(FilingForms.newOriginalId()));
            assertThat(refused.code()).isEqualTo("CONSENT_REQUIRED");

            consent(token);
            assertThat(api.get("/api/mini/me", token).get("consentRequired")).isEqualTo(false);
            Map<String, Object> recorded = jdbc.queryForMap(
                    "SELECT personal_info, sensitive_info, accepted_at FROM account_consent WHERE operator_id = ? AND notice_version = '9999-test'",
                    session.operatorId());
            assertThat(recorded.get("sensitive_info")).isIn(true, 1, 1L);
            assertThat(recorded.get("accepted_at")).isNotNull();
        } finally {
            jdbc.update("DELETE FROM account_consent WHERE notice_version = '9999-test'");
            jdbc.update("DELETE FROM account_privacy_notice WHERE version = '9999-test'");
        }
    }

    private void consent(String token) {
        String version = (String) api.get("/api/mini/privacy-notice", null).get("version");
        assertThat(api.post("/api/mini/me/consents", token,
                Map.of("version", version, "personalInfo", true, "sensitiveInfo", true)).status()).isEqualTo(201);
    }

    private String phoneOf(MiniApi.Session session) {
        return jdbc.queryForObject("SELECT phone FROM account_operator WHERE id = ?", String.class, session.operatorId());
    }
}
