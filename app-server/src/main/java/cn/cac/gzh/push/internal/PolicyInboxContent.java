package cn.cac.gzh.push.internal;

import java.util.Optional;

import cn.cac.gzh.delivery.InboxContent;
import cn.cac.gzh.storage.ObjectStorage;

import org.springframework.stereotype.Component;

/** What a policy push says in full, for the inbox (real and test sends alike). */
@Component
class PolicyInboxContent implements InboxContent {

    private final PushRows rows;
    private final ObjectStorage storage;
    private final PushProperties properties;

    PolicyInboxContent(PushRows rows, ObjectStorage storage, PushProperties properties) {
        this.rows = rows;
        this.storage = storage;
        this.properties = properties;
    }

    @Override
    public boolean supports(String sourceType) {
        return PushService.SOURCE.equals(sourceType) || PushService.TEST_SOURCE.equals(sourceType);
    }

    @Override
    public Optional<Detail> detail(String sourceType, long sourceId) {
        return rows.find(sourceId).map(push -> new Detail(push.bodyHtml(), rows.attachments(sourceId).stream()
                .map(a -> new Attachment(a.id(), a.fileName(), a.contentType(), a.sizeBytes())).toList()));
    }

    @Override
    public Optional<String> attachmentLink(String sourceType, long sourceId, long attachmentId) {
        return rows.attachments(sourceId).stream().filter(a -> a.id() == attachmentId).findFirst()
                .map(a -> storage.presignedGet(a.objectKey(), properties.attachmentLinkTtl()));
    }
}
