package cn.cac.gzh.material.internal;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import cn.cac.gzh.account.CurrentOperator;
import cn.cac.gzh.common.Times;
import cn.cac.gzh.common.DomainException;
import cn.cac.gzh.common.web.RequestRateLimits;
import cn.cac.gzh.filing.FilingRef;
import cn.cac.gzh.material.MaterialCheck;
import cn.cac.gzh.material.MaterialChecklist;
import cn.cac.gzh.material.MaterialType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "备案材料", description = "按清单上传材料：申请上传凭证 → 小程序直传对象存储（wx.uploadFile）→ 确认。只能操作本人备案的材料。")
@SecurityRequirement(name = "bearer")
@RestController
@RequestMapping("/api/mini/filings/{filingId}/materials")
class MaterialController {

    private final UploadTickets tickets;
    private final OperatorMaterials materials;
    private final MaterialChecklistCheck checklist;
    private final RequestRateLimits limits;
    private final MaterialChecks checks;

    MaterialController(UploadTickets tickets, OperatorMaterials materials, MaterialChecklistCheck checklist,
            RequestRateLimits limits, MaterialChecks checks) {
        this.checks = checks;
        this.limits = limits;
        this.tickets = tickets;
        this.materials = materials;
        this.checklist = checklist;
    }

    record TicketRequest(
            @NotNull MaterialType materialType,
            @Schema(description = "原文件名，仅用于显示") @NotBlank @Size(max = 200) String fileName,
            @Schema(description = "image/jpeg、image/png 或 application/pdf") @NotBlank @Size(max = 64) String contentType,
            @Schema(description = "文件字节数") @NotNull @Positive Long size) {
    }

    @Schema(description = "上传凭证：以 multipart/form-data POST 到 url，附带 fields 的全部字段，文件字段名为 file")
    record TicketResponse(String ticketId, MaterialType materialType, String url, Map<String, String> fields,
            String fileField, OffsetDateTime expiresAt, long maxBytes) {
    }

    record FileView(long id, MaterialType materialType, String fileName, String contentType, long size, String sha256,
            OffsetDateTime uploadedAt, boolean current, boolean purged,
            @Schema(description = "自动核对结果（上传后在后台识别，识别中为 PENDING，可轮询 …/{materialId}/check）；不核对的材料为 null") MaterialCheck check) {
    }

    record ChecklistItem(MaterialType materialType, String label, boolean uploaded, FileView current, List<FileView> history) {
    }

    record ChecklistView(List<ChecklistItem> items, List<MaterialType> missing) {
    }

    @Operation(summary = "材料清单", description = "按表一/表二列出所需材料、当前文件及历史版本。")
    @GetMapping
    ChecklistView list(@AuthenticationPrincipal CurrentOperator operator, @PathVariable long filingId) {
        var owned = materials.filesOf(operator.id(), filingId);
        FilingRef filing = owned.filing();
        Map<Long, MaterialCheck> checked = checks.ofFiling(filingId);
        List<FileView> files = owned.files().stream().map(f -> view(f, checked.get(f.id()))).toList();
        List<ChecklistItem> items = MaterialChecklist.requiredFor(filing.formType()).stream().map(type -> {
            List<FileView> ofType = files.stream().filter(f -> f.materialType() == type).toList();
            FileView current = ofType.stream().filter(f -> f.current() && !f.purged()).findFirst().orElse(null);
            return new ChecklistItem(type, type.label(), current != null, current,
                    ofType.stream().filter(f -> !f.current()).toList());
        }).toList();
        return new ChecklistView(items, checklist.missingTypes(filing));
    }

    @Operation(summary = "申请上传凭证", description = "返回对象存储的预签名 POST 策略（有效期不超过10分钟），存储服务器强制校验对象键、类型和大小。错误码：FILE_TYPE_NOT_ALLOWED、FILE_TOO_LARGE、MATERIAL_TYPE_NOT_IN_CHECKLIST、MATERIALS_LOCKED、STORAGE_UNAVAILABLE、RATE_LIMITED（429，同一经办人申请过于频繁）。")
    @PostMapping("/uploads")
    @ResponseStatus(HttpStatus.CREATED)
    TicketResponse ticket(@AuthenticationPrincipal CurrentOperator operator, @PathVariable long filingId,
            @Valid @RequestBody TicketRequest request) {
        limits.enforce(RequestRateLimits.UPLOAD_TICKET, Long.toString(operator.id()));
        var ticket = tickets.issue(operator.id(), filingId, request.materialType(), request.fileName(),
                request.contentType(), request.size());
        return new TicketResponse(ticket.ticketId(), ticket.materialType(), ticket.upload().url(), ticket.upload().fields(),
                "file", Times.display(ticket.upload().expiresAt()),
                ticket.maxBytes());
    }

    @Operation(summary = "确认上传", description = "检查文件确已上传、真实类型（文件头）与所选类型一致、大小，计算 SHA-256；同类材料重新上传会替换当前版本并保留历史。错误码：UPLOAD_MISSING、FILE_TYPE_MISMATCH、UPLOAD_TICKET_CLOSED、STORAGE_UNAVAILABLE。")
    @PostMapping("/uploads/{ticketId}/confirm")
    FileView confirm(@AuthenticationPrincipal CurrentOperator operator, @PathVariable long filingId,
            @PathVariable String ticketId) {
        if (!ticketId.matches("[0-9a-f]{32}")) {
            throw DomainException.notFound("UPLOAD_TICKET_NOT_FOUND", "上传凭证不存在");
        }
        MaterialMapper.StoredFile file = tickets.confirm(operator.id(), filingId, ticketId);
        return view(file, checks.ofFile(filingId, file.id()));
    }

    @Operation(summary = "材料自动核对结果", description = "上传确认后后台通过微信OCR识别身份证、营业执照并与登记表比对；status 为 PENDING 时可每隔1–2秒轮询。"
            + "结果仅供核对，不影响提交。不核对的材料（签字表）或未启用时返回 null。错误码：MATERIAL_NOT_FOUND。")
    @GetMapping("/{materialId}/check")
    MaterialCheck check(@AuthenticationPrincipal CurrentOperator operator, @PathVariable long filingId,
            @PathVariable long materialId) {
        materials.requireFile(operator.id(), filingId, materialId);
        return checks.ofFile(filingId, materialId);
    }

    @Operation(summary = "下载本人材料", description = "仅限本人备案的材料。错误码：MATERIAL_NOT_FOUND、MATERIAL_PURGED。")
    @GetMapping("/{materialId}/content")
    ResponseEntity<InputStreamResource> content(@AuthenticationPrincipal CurrentOperator operator,
            @PathVariable long filingId, @PathVariable long materialId) {
        var opened = materials.open(operator.id(), filingId, materialId);
        MaterialMapper.StoredFile file = opened.file();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .contentLength(file.sizeBytes())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(new InputStreamResource(opened.content()));
    }

    private static FileView view(MaterialMapper.StoredFile file, MaterialCheck check) {
        return new FileView(file.id(), file.materialType(), file.fileName(), file.contentType(), file.sizeBytes(),
                file.sha256(), Times.display(file.uploadedAt()), file.supersededAt() == null, file.purgedAt() != null, check);
    }
}
