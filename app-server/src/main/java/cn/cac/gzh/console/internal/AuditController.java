package cn.cac.gzh.console.internal;

import java.time.LocalDate;

import cn.cac.gzh.audit.AuditLog;
import cn.cac.gzh.console.CurrentStaff;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit view. A county office's administrator sees its county's entries only (the county scope narrows
 * the audit log); the city office sees every entry, city-wide ones included, and may drill down to one county.
 * The chain spans all counties, so only the city office verifies it.
 */
@Tag(name = "控制台-审计", description = "管理员：审计日志（登录、材料查看链接、导出等）")
@RestController
class AuditController {

    private final AuditLog audit;
    private final CountyDrillDown drillDown;

    AuditController(AuditLog audit, CountyDrillDown drillDown) {
        this.audit = audit;
        this.drillDown = drillDown;
    }

    @Operation(summary = "审计日志查询", description = "按时间倒序；日期为北京时间的自然日。县级管理员只看本县（区）的记录；"
            + "市级管理员看全部记录（countyCode 为空的是全市性的记录，如定时任务、市级账号的操作），带 county 时只看该县（区）。"
            + "错误码：COUNTY_UNKNOWN、SCOPE_FORBIDDEN。")
    @GetMapping("/api/console/admin/audit")
    AuditLog.Page search(@AuthenticationPrincipal CurrentStaff staff,
            @Parameter(description = CountyDrillDown.PARAMETER) @RequestParam(required = false) String county,
            @RequestParam(required = false) String actorType, @RequestParam(required = false) Long actorId,
            @RequestParam(required = false) String action, @RequestParam(required = false) String targetType,
            @RequestParam(required = false) String targetId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size) {
        drillDown.narrow(staff, county);
        return audit.search(actorType, actorId, action, targetType, targetId, from, to, page, size);
    }

    @Operation(summary = "校验审计链", description = "按编号顺序分批重算每条审计记录的哈希（SHA-256，含上一条的哈希），"
            + "报告记录总数、是否完整，以及第一条被修改、删除或插入的位置。记录很多时需要数秒。审计链包含全市各县（区）的记录，"
            + "只有市级管理员可以校验。错误码：SCOPE_FORBIDDEN（403，县级管理员）。")
    @GetMapping("/api/console/admin/audit/verify")
    AuditLog.ChainCheck verify(@AuthenticationPrincipal CurrentStaff staff) {
        CountyDrillDown.requireCity(staff, "审计链校验由市级网信办进行");
        return audit.verifyChain();
    }
}
