package cn.cac.gzh.console.internal;

import java.time.LocalDate;

import cn.cac.gzh.audit.AuditLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "控制台-审计", description = "管理员：审计日志（登录、材料查看链接、导出等）")
@RestController
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @Operation(summary = "审计日志查询", description = "按时间倒序；日期为北京时间的自然日。")
    @GetMapping("/api/console/admin/audit")
    AuditLog.Page search(@RequestParam(required = false) String actorType, @RequestParam(required = false) Long actorId,
            @RequestParam(required = false) String action, @RequestParam(required = false) String targetType,
            @RequestParam(required = false) String targetId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size) {
        return audit.search(actorType, actorId, action, targetType, targetId, from, to, page, size);
    }

    @Operation(summary = "校验审计链", description = "按编号顺序分批重算每条审计记录的哈希（SHA-256，含上一条的哈希），"
            + "报告记录总数、是否完整，以及第一条被修改、删除或插入的位置。记录很多时需要数秒。")
    @GetMapping("/api/console/admin/audit/verify")
    AuditLog.ChainCheck verify() {
        return audit.verifyChain();
    }
}
