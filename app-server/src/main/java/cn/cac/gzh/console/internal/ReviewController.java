package cn.cac.gzh.console.internal;

import java.util.List;

import cn.cac.gzh.console.CurrentStaff;
import cn.cac.gzh.filing.FilingRegistry;
import cn.cac.gzh.filing.FilingReview;
import cn.cac.gzh.filing.FilingStatus;
import cn.cac.gzh.filing.FormType;
import cn.cac.gzh.filing.RegistryPage;
import cn.cac.gzh.filing.RegistryQuery;
import cn.cac.gzh.filing.StaffFilingView;
import cn.cac.gzh.material.MaterialAccess;
import cn.cac.gzh.material.MaterialCatalog;
import cn.cac.gzh.material.MaterialFileInfo;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "控制台-审核", description = "审核员：待审队列、备案详情、通过、退回、登记纸质材料、查看材料（短时链接，留痕）")
@RestController
@RequestMapping("/api/console/review")
class ReviewController {

    private final FilingRegistry registry;
    private final FilingReview review;
    private final MaterialCatalog materials;
    private final MaterialAccess access;
    private final ReasonTemplates reasons;
    private final CountyDrillDown drillDown;

    ReviewController(FilingRegistry registry, FilingReview review, MaterialCatalog materials, MaterialAccess access,
            ReasonTemplates reasons, CountyDrillDown drillDown) {
        this.drillDown = drillDown;
        this.registry = registry;
        this.review = review;
        this.materials = materials;
        this.access = access;
        this.reasons = reasons;
    }

    record FilingDetail(StaffFilingView filing, List<MaterialFileInfo> materials) {
    }

    record RejectRequest(Long templateId, @Size(max = 400) String text) {
    }

    record Decision(long filingId, FilingStatus status, String filingNumber) {
    }

    record Link(String url, java.time.Instant expiresAt) {
    }

    @Operation(summary = "待审核队列", description = "状态为“待审核”的备案，先提交的在前；可按关键词、主体名称、乡镇、登记表类型筛选，"
            + "mismatch=true 只看材料自动核对发现不一致的备案；county 只看一个县（区）（全市账号）。错误码：COUNTY_UNKNOWN、SCOPE_FORBIDDEN。")
    @GetMapping("/queue")
    RegistryPage queue(@AuthenticationPrincipal CurrentStaff staff,
            @Parameter(description = CountyDrillDown.PARAMETER) @RequestParam(required = false) String county,
            @RequestParam(required = false) String text, @RequestParam(required = false) String subject,
            @RequestParam(required = false) String township, @RequestParam(required = false) FormType formType,
            @Parameter(description = "true：只看材料自动核对发现不一致的备案") @RequestParam(required = false) Boolean mismatch,
            @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size) {
        drillDown.narrow(staff, county);
        return registry.search(new RegistryQuery(text, subject, FilingStatus.SUBMITTED, township, formType, null, null, null,
                null, Boolean.TRUE.equals(mismatch) ? Boolean.TRUE : null, null, "submittedAt", page, size));
    }

    @Operation(summary = "备案详情（审核）", description = "含状态时间线和材料清单；身份证号码、手机号脱敏。")
    @GetMapping("/filings/{id}")
    FilingDetail detail(@PathVariable long id) {
        return new FilingDetail(registry.requireDetail(id), materials.filesOf(id));
    }

    @Operation(summary = "审核通过", description = "分配备案编号。错误码：ILLEGAL_TRANSITION、VERSION_CONFLICT。")
    @PostMapping("/filings/{id}/approve")
    Decision approve(@AuthenticationPrincipal CurrentStaff staff, @PathVariable long id) {
        String number = review.approve(id, staff.id());
        return new Decision(id, FilingStatus.APPROVED, number);
    }

    @Operation(summary = "退回", description = "原因取自模板和/或补充说明，运营者在小程序中可见。错误码：REASON_REQUIRED、ILLEGAL_TRANSITION。")
    @PostMapping("/filings/{id}/reject")
    Decision reject(@AuthenticationPrincipal CurrentStaff staff, @PathVariable long id,
            @Valid @RequestBody RejectRequest request) {
        review.reject(id, staff.id(), reasons.reason(request.templateId(), request.text()));
        return new Decision(id, FilingStatus.REJECTED, null);
    }

    @Operation(summary = "登记已收到纸质材料", description = "通知第三条：表一须加盖公章，一式两份。")
    @PostMapping("/filings/{id}/paper-received")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void paperReceived(@AuthenticationPrincipal CurrentStaff staff, @PathVariable long id) {
        registry.markPaperReceived(id, staff.id());
    }

    @Operation(summary = "材料查看链接", description = "有效期不超过5分钟的预签名链接；每次签发都写入审计日志。")
    @PostMapping("/materials/{materialId}/link")
    Link link(@AuthenticationPrincipal CurrentStaff staff, @PathVariable long materialId, HttpServletRequest request) {
        var link = access.issueStaffDownload(materialId, staff.id(), request.getRemoteAddr());
        return new Link(link.url(), link.expiresAt());
    }

    @Operation(summary = "退回原因模板")
    @GetMapping("/reason-templates")
    List<ReasonTemplates.ReasonTemplate> templates() {
        return reasons.all();
    }
}
