package cn.cac.gzh.account.internal;

import java.time.OffsetDateTime;

import cn.cac.gzh.common.Times;

import cn.cac.gzh.account.CurrentOperator;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "小程序登录", description = "微信登录、刷新与退出")
@RestController
@RequestMapping("/api/mini/auth")
class AuthController {

    private final OperatorSessions sessions;
    private final Consents consents;

    AuthController(OperatorSessions sessions, Consents consents) {
        this.sessions = sessions;
        this.consents = consents;
    }

    record LoginRequest(@Schema(description = "wx.login 返回的 code") @NotBlank @Size(max = 128) String code) {
    }

    record RefreshRequest(@NotBlank @Size(max = 128) String refreshToken) {
    }

    @Schema(description = "登录结果：本平台签发的令牌（不是微信的 session_key）")
    record TokenResponse(
            @Schema(description = "放在 Authorization: Bearer 头中") String accessToken,
            @Schema(description = "访问令牌过期时间（北京时间）") OffsetDateTime accessTokenExpiresAt,
            String refreshToken,
            OffsetDateTime refreshTokenExpiresAt,
            long operatorId,
            @Schema(description = "是否需要先同意最新版隐私政策") boolean consentRequired) {
    }

    @Operation(summary = "微信登录", description = "用 wx.login 的 code 换取本平台的访问令牌和刷新令牌。错误码：LOGIN_CODE_INVALID、WECHAT_UNAVAILABLE、SESSION_STORE_UNAVAILABLE（登录服务暂时不可用）。")
    @PostMapping("/login")
    TokenResponse login(@Valid @RequestBody LoginRequest request) {
        return response(sessions.login(request.code()));
    }

    @Operation(summary = "刷新令牌", description = "用刷新令牌换一对新令牌，旧的随即失效。错误码：REFRESH_TOKEN_INVALID。")
    @PostMapping("/refresh")
    TokenResponse refresh(@Valid @RequestBody RefreshRequest request) {
        return response(sessions.refresh(request.refreshToken()));
    }

    @Operation(summary = "退出登录", description = "当前访问令牌立即失效。", security = @SecurityRequirement(name = "bearer"))
    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(@AuthenticationPrincipal CurrentOperator operator, HttpServletRequest request) {
        sessions.logout(OperatorTokenFilter.bearerToken(request));
    }

    private TokenResponse response(OperatorSessions.IssuedTokens tokens) {
        return new TokenResponse(tokens.accessToken(), Times.display(tokens.accessExpiresAt()), tokens.refreshToken(),
                Times.display(tokens.refreshExpiresAt()), tokens.operatorId(), !consents.hasAcceptedCurrent(tokens.operatorId()));
    }
}
