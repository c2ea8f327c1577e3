package cn.cac.gzh.console.internal;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import cn.cac.gzh.common.Times;
import cn.cac.gzh.console.CurrentStaff;
import cn.cac.gzh.delivery.InboxReceipt;
import cn.cac.gzh.push.PolicyPushes;
import cn.cac.gzh.push.PushDraft;
import cn.cac.gzh.push.PushView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@Tag(name = "控制台-政策推送", description = "发布员：撰写、附件、推送对象与渠道、立即或定时发送、复核、测试发送、取消、进度与阅读回执")
@RestController
@RequestMapping("/api/console/pushes")
class PushController {

    private final PolicyPushes pushes;

    PushController(PolicyPushes pushes) {
        this.pushes = pushes;
    }

    record Edit(@NotNull Integer version, @Valid @NotNull PushDraft draft) {
    }

    record Publish(@NotNull Integer version, OffsetDateTime sendAt) {
    }

    record TestSend(@NotNull @Size(min = 1, max = 20) List<Long> operatorIds) {
    }

    record TestSent(int recipients) {
    }

    /** An inbox item of the push: when it arrived and when it was opened (Beijing time, like every console answer). */
    record Receipt(long operatorId, OffsetDateTime deliveredAt, OffsetDateTime readAt) {
    }

    @Operation(summary = "推送列表", description = "最新的在前，含各推送的进度。")
    @GetMapping
    List<PushView> list(@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size) {
        return pushes.list(page, size);
    }

    @Operation(summary = "新建推送（草稿）", description = "正文为富文本，保存前按白名单清理。推送属于创建者所在的网信办：县级只能推送本县（区）已备案或筛选出的主体，市级可指定县（区）（audience.counties，不填为全部）。错误码：VALIDATION_FAILED、AUDIENCE_EMPTY、COUNTY_UNKNOWN、SCOPE_FORBIDDEN。")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    PushView create(@AuthenticationPrincipal CurrentStaff staff, @Valid @RequestBody PushDraft draft, HttpServletRequest http) {
        return pushes.create(draft, staff.scopeCode(), staff.id(), http.getRemoteAddr());
    }

    @Operation(summary = "推送详情与进度", description = "各渠道按状态的数量、已读数、按错误码分组的失败原因。错误码：PUSH_NOT_FOUND。")
    @GetMapping("/{id}")
    PushView get(@PathVariable long id) {
        return pushes.get(id);
    }

    @Operation(summary = "修改草稿", description = "错误码：PUSH_NOT_DRAFT、VERSION_CONFLICT。")
    @PutMapping("/{id}")
    PushView update(@AuthenticationPrincipal CurrentStaff staff, @PathVariable long id, @Valid @RequestBody Edit edit,
            HttpServletRequest http) {
        return pushes.update(id, edit.version(), edit.draft(), staff.id(), http.getRemoteAddr());
    }

    @Operation(summary = "发送", description = "立即发送，或在 sendAt 定时发送；开启复核时需另一位发布员复核。错误码：PUSH_NOT_DRAFT、VERSION_CONFLICT、SEND_AT_TOO_FAR。")
    @PostMapping("/{id}/publish")
    PushView publish(@AuthenticationPrincipal CurrentStaff staff, @PathVariable long id, @Valid @RequestBody Publish publish,
            HttpServletRequest http) {
        LocalDateTime sendAt = publish.sendAt() == null ? null
                : publish.sendAt().atZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
        return pushes.publish(id, publish.version(), sendAt, staff.id(), http.getRemoteAddr());
    }

    @Operation(summary = "复核通过", description = "须由提交发送者以外的发布员操作。错误码：SAME_PUBLISHER、ILLEGAL_TRANSITION。")
    @PostMapping("/{id}/approve")
    PushView approve(@AuthenticationPrincipal CurrentStaff staff, @PathVariable long id, HttpServletRequest http) {
        return pushes.approve(id, staff.id(), http.getRemoteAddr());
    }

    @Operation(summary = "取消", description = "尚未发出的消息不再发送；已送达收件箱的保留。错误码：ILLEGAL_TRANSITION。")
    @PostMapping("/{id}/cancel")
    PushView cancel(@AuthenticationPrincipal CurrentStaff staff, @PathVariable long id, HttpServletRequest http) {
        return pushes.cancel(id, staff.id(), http.getRemoteAddr());
    }

    @Operation(summary = "测试发送", description = "把当前内容发给指定运营者（如发布员本人的小程序账号），标题带“【测试】”。错误码：TEST_RECIPIENTS_INVALID。")
    @PostMapping("/{id}/test-send")
    TestSent testSend(@AuthenticationPrincipal CurrentStaff staff, @PathVariable long id, @Valid @RequestBody TestSend request,
            HttpServletRequest http) {
        return new TestSent(pushes.testSend(id, request.operatorIds(), staff.id(), http.getRemoteAddr()));
    }

    @Operation(summary = "上传附件", description = "PDF、JPEG、PNG，按文件内容校验类型。错误码：FILE_TYPE_NOT_ALLOWED、FILE_TYPE_MISMATCH、FILE_TOO_LARGE、PUSH_NOT_DRAFT。")
    @PostMapping(path = "/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    PushView.Attachment attach(@AuthenticationPrincipal CurrentStaff staff, @PathVariable long id,
            @RequestPart("file") MultipartFile file, HttpServletRequest http) throws IOException {
        return pushes.attach(id, file.getOriginalFilename(), String.valueOf(file.getContentType()), file.getSize(),
                file.getInputStream(), staff.id(), http.getRemoteAddr());
    }

    @Operation(summary = "删除附件", description = "错误码：ATTACHMENT_NOT_FOUND、PUSH_NOT_DRAFT。")
    @DeleteMapping("/{id}/attachments/{attachmentId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void detach(@AuthenticationPrincipal CurrentStaff staff, @PathVariable long id, @PathVariable long attachmentId,
            HttpServletRequest http) {
        pushes.detach(id, attachmentId, staff.id(), http.getRemoteAddr());
    }

    @Operation(summary = "接收与阅读情况", description = "按运营者编号分页（after 为上一页最后一个编号）；unread=true 只看未读。")
    @GetMapping("/{id}/recipients")
    List<Receipt> recipients(@PathVariable long id, @RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "100") int limit) {
        return pushes.receipts(id, unread, after, limit).stream()
                .map(r -> new Receipt(r.operatorId(), Times.display(r.deliveredAt()), Times.display(r.readAt()))).toList();
    }

    @Operation(summary = "导出未读名单", description = "CSV（UTF-8，Excel 可直接打开）：运营者编号、送达时间。")
    @GetMapping("/{id}/unread.csv")
    void exportUnread(@PathVariable long id, HttpServletResponse response) throws IOException {
        pushes.get(id);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"push-" + id + "-unread.csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write('\uFEFF');
        out.write("运营者编号,送达时间\r\n");
        long after = 0;
        for (List<InboxReceipt> page; !(page = pushes.receipts(id, true, after, 1000)).isEmpty(); ) {
            for (InboxReceipt receipt : page) {
                out.write(receipt.operatorId() + "," + Times.display(receipt.deliveredAt()) + "\r\n");
            }
            after = page.get(page.size() - 1).operatorId();
        }
        out.flush();
    }
}
