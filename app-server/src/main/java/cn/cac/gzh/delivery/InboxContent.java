package cn.cac.gzh.delivery;

import java.util.List;
import java.util.Optional;

/**
 * What an inbox item says in full, supplied by the module the message comes from (a policy push
 * implements it for {@code POLICY}), so the inbox needs to know nothing about its sources.
 */
public interface InboxContent {

    /** Whether this supplier answers for messages of {@code sourceType}. */
    boolean supports(String sourceType);

    Optional<Detail> detail(String sourceType, long sourceId);

    /** A short-lived link to one attachment of the message, if it has that attachment. */
    Optional<String> attachmentLink(String sourceType, long sourceId, long attachmentId);

    /** Full text (sanitised HTML) and attachments. */
    record Detail(String bodyHtml, List<Attachment> attachments) {
    }

    record Attachment(long id, String fileName, String contentType, long sizeBytes) {
    }
}
