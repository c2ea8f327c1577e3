package cn.cac.gzh.reminder.internal;

import java.util.List;
import java.util.Optional;

import cn.cac.gzh.delivery.InboxContent;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/** The full text of a reminder or review-result notice, for the inbox (plain text, escaped). */
@Component
class ReminderInboxContent implements InboxContent {

    private final NoticeStore store;

    ReminderInboxContent(NoticeStore store) {
        this.store = store;
    }

    @Override
    public boolean supports(String sourceType) {
        return NewNotice.REMINDER.equals(sourceType) || NewNotice.REVIEW_RESULT.equals(sourceType);
    }

    @Override
    public Optional<Detail> detail(String sourceType, long sourceId) {
        return store.find(sourceId).filter(notice -> notice.kind().equals(sourceType))
                .map(notice -> new Detail("<p>" + HtmlUtils.htmlEscape(notice.body()) + "</p>", List.of()));
    }

    @Override
    public Optional<String> attachmentLink(String sourceType, long sourceId, long attachmentId) {
        return Optional.empty();
    }
}
