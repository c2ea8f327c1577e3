package cn.cac.gzh.console.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import cn.cac.gzh.console.CurrentStaff;
import cn.cac.gzh.console.StaffRole;
import cn.cac.gzh.filing.EnforcementAction;
import cn.cac.gzh.filing.EnforcementRecord;
import cn.cac.gzh.filing.FilingRegistry;
import cn.cac.gzh.filing.RegistryPage;
import cn.cac.gzh.filing.RegistryQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "控制台-管理", description = "管理员：工作人员账号、逾期处置")
@RestController
@RequestMapping("/api/console/admin")
class AdminController {

    private final StaffAccounts accounts;
    private final FilingRegistry registry;
    private final java.time.Clock clock;

    AdminController(StaffAccounts accounts, FilingRegistry registry, java.time.Clock clock) {
        this.accounts = accounts;
        this.registry = registry;
        this.clock = clock;
    }

    record StaffSummary(long id, String username, String displayName, boolean enabled, boolean locked, Set<StaffRole> roles,
            @Schema(description = "工作范围：县（区）代码或市代码") String scopeCode) {
    }

    record NewStaffRequest(
            @NotBlank @Pattern(regexp = "[A-Za-z][A-Za-z0-9_.-]{2,31}", message = "用户名应为3至32位字母、数字或 _ . -，以字母开头") String username,
            @NotBlank @Size(max = 32) String displayName,
            @NotBlank @Size(max = 72) String password,
            @NotEmpty Set<StaffRole> roles,
            @Schema(description = "工作范围：县（区）代码（县级网信办）或市代码（市级网信办，可见全部县）；不填为创建者本人的范围")
            @Pattern(regexp = "\\d{6}", message = "范围代码应为6位数字") String scopeCode) {
    }

    record UpdateStaffRequest(@Size(max = 32) String displayName, @NotNull Boolean enabled, @NotEmpty Set<StaffRole> roles,
            @Schema(description = "新的工作范围（县（区）代码或市代码，仅市级管理员可调整）；不填为不变")
            @Pattern(regexp = "\\d{6}", message = "范围代码应为6位数字") String scopeCode) {
    }

    record PasswordReset(@NotBlank @Size(max = 72) String newPassword) {
    }

    record EnforcementRequest(@NotNull EnforcementAction action,
            @NotNull @PastOrPresent(message = "日期不能晚于今天") LocalDate actedOn, @Size(max = 500) String note) {
    }

    @Operation(summary = "工作人员列表")
    @GetMapping("/staff")
    List<StaffSummary> staff() {
        java.time.LocalDateTime now = java.time.LocalDateTime.now(clock);
        return accounts.all().stream().map(row -> new StaffSummary(row.id(), row.username(), row.displayName(), row.enabled(),
                row.lockedUntil() != null && row.lockedUntil().isAfter(now), accounts.rolesOf(row.id()), row.scopeCode())).toList();
    }

    @Operation(summary = "新增工作人员", description = "错误码：USERNAME_TAKEN、WEAK_PASSWORD、ROLE_REQUIRED、SCOPE_UNKNOWN、SCOPE_FORBIDDEN（县级管理员只能为本县创建账号）。")
    @PostMapping("/staff")
    @ResponseStatus(HttpStatus.CREATED)
    CurrentStaff create(@AuthenticationPrincipal CurrentStaff staff, @Valid @RequestBody NewStaffRequest request,
            HttpServletRequest http) {
        return accounts.create(request.username(), request.displayName(), request.password(), request.roles(),
                request.scopeCode(), staff, http.getRemoteAddr());
    }

    @Operation(summary = "修改工作人员（姓名、启用、角色、工作范围）", description = "修改立即生效，包括对方已登录的会话（停用即退出）。"
            + "错误码：ROLE_REQUIRED、SCOPE_UNKNOWN、SCOPE_FORBIDDEN（县级管理员不能调整范围）、LAST_CITY_ADMIN（须保留一名启用的市级管理员）。")
    @PutMapping("/staff/{id}")
    CurrentStaff update(@AuthenticationPrincipal CurrentStaff staff, @PathVariable long id,
            @Valid @RequestBody UpdateStaffRequest request, HttpServletRequest http) {
        return accounts.update(id, request.displayName(), request.enabled(), request.roles(), request.scopeCode(), staff,
                http.getRemoteAddr());
    }

    @Operation(summary = "重置工作人员密码", description = "同时解除锁定。")
    @PostMapping("/staff/{id}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void resetPassword(@AuthenticationPrincipal CurrentStaff staff, @PathVariable long id,
            @Valid @RequestBody PasswordReset request, HttpServletRequest http) {
        accounts.resetPassword(id, request.newPassword(), staff.id(), http.getRemoteAddr());
    }

    @Operation(summary = "逾期未备案名单", description = "草稿或被退回且已过截止日期的公众号，截止日期早的在前。")
    @GetMapping("/enforcement/overdue")
    RegistryPage overdue(@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size) {
        return registry.search(new RegistryQuery(null, null, null, null, null, null, null, null, true, null, null, "dueOn", page, size));
    }

    @Operation(summary = "处置记录")
    @GetMapping("/enforcement/filings/{filingId}")
    List<EnforcementRecord> records(@PathVariable long filingId) {
        return registry.enforcementOf(filingId);
    }

    @Operation(summary = "登记处置措施", description = "通知第四条：电话督促、书面通知、报请平台暂停、暂停、永久关闭、移交公安机关。")
    @PostMapping("/enforcement/filings/{filingId}")
    @ResponseStatus(HttpStatus.CREATED)
    EnforcementRecord record(@AuthenticationPrincipal CurrentStaff staff, @PathVariable long filingId,
            @Valid @RequestBody EnforcementRequest request) {
        return registry.recordEnforcement(filingId, request.action(), request.actedOn(), request.note(), staff.id());
    }
}
