package cn.cac.gzh.console.internal;

import java.util.List;
import java.util.Set;

import cn.cac.gzh.common.web.RequestRateLimits;
import cn.cac.gzh.console.CurrentStaff;
import cn.cac.gzh.console.StaffRole;
import cn.cac.gzh.region.RegionDirectory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "控制台登录", description = "工作人员登录、退出、修改密码（会话 Cookie + CSRF 令牌）")
@RestController
@RequestMapping("/api/console/auth")
class StaffAuthController {

    private final StaffAccounts accounts;
    private final SecurityContextRepository contexts;
    private final RequestRateLimits limits;
    private final RegionDirectory regions;

    StaffAuthController(StaffAccounts accounts, SecurityContextRepository consoleSecurityContextRepository,
            RequestRateLimits limits, RegionDirectory regions) {
        this.accounts = accounts;
        this.regions = regions;
        this.limits = limits;
        this.contexts = consoleSecurityContextRepository;
    }

    record LoginRequest(@NotBlank @Size(max = 32) String username, @NotBlank @Size(max = 72) String password) {
    }

    record PasswordRequest(@NotBlank String currentPassword, @NotBlank @Size(max = 72) String newPassword) {
    }

    record RoleView(StaffRole role, String label) {
    }

    record StaffView(long id, String username, String displayName, List<RoleView> roles, String scopeCode, boolean citywide,
            @Schema(description = "工作范围的名称（县（区）名或市名），控制台页头显示为“某某网信办”") String scopeName) {
        static StaffView of(CurrentStaff staff, RegionDirectory regions) {
            return new StaffView(staff.id(), staff.username(), staff.displayName(),
                    staff.roles().stream().sorted().map(r -> new RoleView(r, r.label())).toList(), staff.scopeCode(),
                    staff.citywide(), regions.nameOf(staff.scopeCode()).orElse(null));
        }
    }

    record CsrfView(String headerName, String token) {
    }

    @Operation(summary = "获取 CSRF 令牌", description = "同时写入 XSRF-TOKEN Cookie；之后的写操作须带 X-XSRF-TOKEN 请求头。")
    @GetMapping("/csrf")
    CsrfView csrf(CsrfToken token) {
        return new CsrfView(token.getHeaderName(), token.getToken());
    }

    @Operation(summary = "工作人员登录", description = "连续失败达到上限后账号锁定一段时间；同一 IP 或同一用户名请求过于频繁时返回 429。错误码：LOGIN_FAILED、ACCOUNT_LOCKED、ACCOUNT_DISABLED、RATE_LIMITED。")
    @PostMapping("/login")
    StaffView login(@Valid @RequestBody LoginRequest request, HttpServletRequest http, HttpServletResponse response) {
        // per client IP in RequestLimitFilter; per user name here, where the name is known
        limits.enforce(RequestRateLimits.CONSOLE_LOGIN_USER, request.username().strip().toLowerCase(java.util.Locale.ROOT));
        CurrentStaff staff = accounts.signIn(request.username(), request.password(), http.getRemoteAddr());
        http.getSession(true);
        http.changeSessionId();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(StaffSessionRefresh.signedIn(staff));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, http, response);
        return StaffView.of(staff, regions);
    }

    @Operation(summary = "当前登录的工作人员")
    @GetMapping("/me")
    StaffView me(@AuthenticationPrincipal CurrentStaff staff) {
        return StaffView.of(new CurrentStaff(staff.id(), staff.username(), staff.displayName(),
                Set.copyOf(accounts.rolesOf(staff.id())), staff.scopeCode()), regions);
    }

    @Operation(summary = "修改本人密码", description = "错误码：PASSWORD_MISMATCH、WEAK_PASSWORD。")
    @PostMapping("/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(@AuthenticationPrincipal CurrentStaff staff, @Valid @RequestBody PasswordRequest request,
            HttpServletRequest http) {
        accounts.changePassword(staff.id(), request.currentPassword(), request.newPassword(), http.getRemoteAddr());
    }
}
