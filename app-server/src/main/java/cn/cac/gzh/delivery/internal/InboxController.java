package cn.cac.gzh.delivery.internal;

import java.time.OffsetDateTime;
import java.util.List;

import cn.cac.gzh.account.CurrentOperator;
import cn.cac.gzh.common.Times;
import cn.cac.gzh.common.DomainException;
import cn.cac.gzh.delivery.InboxContent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "消息", description = "网信办推送的政策通知等；每条消息都先进入收件箱，微信消息只是提醒")
@SecurityRequirement(name = "bearer")
@RestController
class InboxController {

    private final InboxStore inbox;
    private final List<InboxContent> contents;

    InboxController(InboxStore inbox, List<InboxContent> contents) {
        this.inbox = inbox;
        this.contents = List.copyOf(contents);
    }

    record Item(long id, String sourceType, String title, String summary, OffsetDateTime receivedAt, OffsetDateTime readAt) {
    }

    record Page(List<Item> items, long total, long unread, int page, int size) {
    }

    record Detail(long id, String sourceType, String title, String summary, OffsetDateTime receivedAt, OffsetDateTime readAt,
            String bodyHtml, List<InboxContent.Attachment> attachments) {
    }

    record Link(String url, int validSeconds) {
    }

    @Operation(summary = "收件箱", description = "最新的在前，含未读数。")
    @GetMapping("/api/mini/inbox")
    Page list(@AuthenticationPrincipal CurrentOperator operator, @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "20") int size) {
        int pageSize = Math.max(1, Math.min(size, 50));
        int pageNumber = Math.max(1, page);
        List<Item> items = inbox.newestFirst(operator.id(), pageNumber, pageSize).stream()
                .map(item -> new Item(item.id(), item.sourceType(), item.title(), item.summary(), Times.display(item.createdAt()),
                        Times.display(item.readAt())))
                .toList();
        InboxMapper.Counts counts = inbox.counts(operator.id());
        return new Page(items, counts.total(), counts.unread(), pageNumber, pageSize);
    }

    @Operation(summary = "消息详情", description = "打开即记为已读（记录首次阅读时间）。错误码：INBOX_ITEM_NOT_FOUND。")
    @GetMapping("/api/mini/inbox/{id}")
    Detail detail(@AuthenticationPrincipal CurrentOperator operator, @PathVariable long id) {
        InboxMapper.Item item = owned(operator, id);
        inbox.markRead(id);
        InboxMapper.Item read = owned(operator, id);
        InboxContent.Detail content = content(read).detail(read.sourceType(), read.sourceId())
                .orElse(new InboxContent.Detail("", List.of()));
        return new Detail(read.id(), read.sourceType(), read.title(), read.summary(), Times.display(read.createdAt()),
                Times.display(read.readAt() == null ? item.readAt() : read.readAt()), content.bodyHtml(), content.attachments());
    }

    @Operation(summary = "附件链接", description = "有效期很短的下载链接。错误码：INBOX_ITEM_NOT_FOUND、ATTACHMENT_NOT_FOUND。")
    @GetMapping("/api/mini/inbox/{id}/attachments/{attachmentId}")
    Link attachment(@AuthenticationPrincipal CurrentOperator operator, @PathVariable long id, @PathVariable long attachmentId) {
        InboxMapper.Item item = owned(operator, id);
        return content(item).attachmentLink(item.sourceType(), item.sourceId(), attachmentId)
                .map(url -> new Link(url, 300))
                .orElseThrow(() -> DomainException.notFound("ATTACHMENT_NOT_FOUND", "附件不存在"));
    }

    /** Someone else's item answers exactly like a missing one. */
    private InboxMapper.Item owned(CurrentOperator operator, long id) {
        return inbox.owned(operator.id(), id)
                .orElseThrow(() -> DomainException.notFound("INBOX_ITEM_NOT_FOUND", "消息不存在"));
    }

    private InboxContent content(InboxMapper.Item item) {
        return contents.stream().filter(c -> c.supports(item.sourceType())).findFirst()
                .orElseThrow(() -> new IllegalStateException("No inbox content for " + item.sourceType()));
    }
}
