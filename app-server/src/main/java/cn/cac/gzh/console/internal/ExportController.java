package cn.cac.gzh.console.internal;

import java.nio.charset.StandardCharsets;

import cn.cac.gzh.audit.AuditEntry;
import cn.cac.gzh.audit.AuditTrail;
import cn.cac.gzh.common.DomainException;
import cn.cac.gzh.console.CurrentStaff;
import cn.cac.gzh.filing.FilingStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "控制台-导出", description = "管理员：台账和逾期处置名单导出为 Excel（后台生成，显示进度，完成后下载）")
@RestController
@RequestMapping("/api/console/admin/exports")
class ExportController {

    private final ExportJobs exports;
    private final AuditTrail audit;

    ExportController(ExportJobs exports, AuditTrail audit) {
        this.exports = exports;
        this.audit = audit;
    }

    record ExportRequest(@NotNull ExportJobs.Kind kind, Boolean fullIdNumbers, @Size(max = 64) String text,
            FilingStatus status, @Size(max = 32) String township) {
    }

    record ExportView(String id, String kind, String status, long rowsWritten, long totalRows, int progress,
            String fileName, String error, boolean fullIdNumbers) {
        static ExportView of(ExportJobs.Job job) {
            int progress = "DONE".equals(job.status()) ? 100
                    : job.totalRows() == 0 ? 0 : (int) Math.min(99, job.rowsWritten() * 100 / job.totalRows());
            return new ExportView(job.id(), job.kind(), job.status(), job.rowsWritten(), job.totalRows(), progress,
                    job.fileName(), job.error(), job.fullIdNumbers());
        }
    }

    @Operation(summary = "开始导出", description = "身份证号码默认脱敏；fullIdNumbers=true 导出完整号码，须管理员且记入审计日志。")
    @PostMapping
    ResponseEntity<ExportView> start(@AuthenticationPrincipal CurrentStaff staff, @Valid @RequestBody ExportRequest request,
            HttpServletRequest http) {
        var job = exports.start(request.kind(), Boolean.TRUE.equals(request.fullIdNumbers()), request.text(), request.status(),
                request.township(), staff.id(), http.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(ExportView.of(job));
    }

    @Operation(summary = "导出进度")
    @GetMapping("/{id}")
    ExportView progress(@AuthenticationPrincipal CurrentStaff staff, @PathVariable String id) {
        return ExportView.of(job(staff, id));
    }

    @Operation(summary = "下载导出文件", description = "错误码：EXPORT_NOT_READY、EXPORT_NOT_FOUND。")
    @GetMapping("/{id}/download")
    ResponseEntity<InputStreamResource> download(@AuthenticationPrincipal CurrentStaff staff, @PathVariable String id,
            HttpServletRequest http) {
        var job = job(staff, id);
        var content = exports.open(job);
        audit.record(new AuditEntry("STAFF", staff.id(), "EXPORT_DOWNLOAD", "EXPORT_JOB", id, null, http.getRemoteAddr()));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(job.fileName(), StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(new InputStreamResource(content));
    }

    /** An export is its requester's (it holds what their scope let them see): anyone else's looks missing. */
    private ExportJobs.Job job(CurrentStaff staff, String id) {
        if (!id.matches("[0-9a-f]{32}")) {
            throw DomainException.notFound("EXPORT_NOT_FOUND", "导出任务不存在");
        }
        return exports.find(id).filter(job -> job.requestedBy() == staff.id())
                .orElseThrow(() -> DomainException.notFound("EXPORT_NOT_FOUND", "导出任务不存在"));
    }
}
