package cn.cac.gzh.filing.internal;

import cn.cac.gzh.filing.FilingForm;
import java.util.List;

import cn.cac.gzh.account.CurrentOperator;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "登记备案", description = "运营者的公众号登记备案：草稿、提交、变更、撤销。只能查看和操作本人的备案，他人的备案一律返回 404。")
@SecurityRequirement(name = "bearer")
@RestController
@RequestMapping("/api/mini/filings")
class FilingController {

    private final OperatorFilings filings;
    private final FilingViews views;

    FilingController(OperatorFilings filings, FilingViews views) {
        this.filings = filings;
        this.views = views;
    }

    @Schema(description = "保存草稿或申请变更：version 为读取时的版本号")
    record FormRequest(@Schema(description = "读取时的版本号（乐观锁）") @NotNull Integer version, @Valid @NotNull FilingForm form) {
    }

    record VersionRequest(@NotNull Integer version) {
    }

    record RevokeRequest(@NotNull Integer version, @Schema(description = "撤销原因，如 公众号已注销") @NotBlank @Size(max = 500) String reason) {
    }

    @Operation(summary = "我的备案列表")
    @GetMapping
    List<FilingViews.FilingSummary> list(@AuthenticationPrincipal CurrentOperator operator) {
        return filings.list(operator.id()).stream().map(views::summary).toList();
    }

    @Operation(summary = "新建备案草稿", description = "需先同意隐私政策。错误码：CONSENT_REQUIRED、VALIDATION_FAILED、ACCOUNT_ALREADY_FILED（他人已登记该公众号）、ACCOUNT_ALREADY_FILED_BY_YOU。")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    FilingViews.FilingView create(@AuthenticationPrincipal CurrentOperator operator, @Valid @RequestBody FilingForm form) {
        return views.view(filings.create(operator.id(), form));
    }

    @Operation(summary = "备案详情", description = "含状态变更记录；身份证号码、手机号已脱敏。错误码：FILING_NOT_FOUND。")
    @GetMapping("/{id}")
    FilingViews.FilingView get(@AuthenticationPrincipal CurrentOperator operator, @PathVariable long id) {
        return views.view(filings.get(operator.id(), id));
    }

    @Operation(summary = "保存草稿", description = "草稿或已退回的备案可修改；整表保存，身份证号码传 null 表示不修改。错误码：FILING_NOT_EDITABLE、VERSION_CONFLICT。")
    @PutMapping("/{id}")
    FilingViews.FilingView update(@AuthenticationPrincipal CurrentOperator operator, @PathVariable long id,
            @Valid @RequestBody FormRequest request) {
        return views.view(filings.update(operator.id(), id, request.version(), request.form()));
    }

    @Operation(summary = "提交审核", description = "校验登记表是否填写完整。错误码：FILING_INCOMPLETE（fieldErrors 列出缺项）、ILLEGAL_TRANSITION、VERSION_CONFLICT。")
    @PostMapping("/{id}/submit")
    FilingViews.FilingView submit(@AuthenticationPrincipal CurrentOperator operator, @PathVariable long id,
            @Valid @RequestBody VersionRequest request) {
        return views.view(filings.submit(operator.id(), id, request.version()));
    }

    @Operation(summary = "申请变更", description = "已备案的公众号信息变更：提交新内容，重新进入审核，备案编号不变。")
    @PostMapping("/{id}/change-request")
    FilingViews.FilingView requestChange(@AuthenticationPrincipal CurrentOperator operator, @PathVariable long id,
            @Valid @RequestBody FormRequest request) {
        return views.view(filings.requestChange(operator.id(), id, request.version(), request.form()));
    }

    @Operation(summary = "撤销备案", description = "公众号注销或不再需要备案时撤销，须说明原因。")
    @PostMapping("/{id}/revoke")
    FilingViews.FilingView revoke(@AuthenticationPrincipal CurrentOperator operator, @PathVariable long id,
            @Valid @RequestBody RevokeRequest request) {
        return views.view(filings.revoke(operator.id(), id, request.version(), request.reason()));
    }
}
