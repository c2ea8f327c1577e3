package cn.cac.gzh.push;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import cn.cac.gzh.delivery.Channel;
import cn.cac.gzh.delivery.DeliveryProgress;
import cn.cac.gzh.delivery.FailureGroup;

/**
 * A push as the console shows it, with its progress.
 *
 * @param recipients how many recipients the audience expanded to so far (operators, or followers)
 */
public record PushView(long id, String title, String summary, String bodyHtml, PushAudience audience, Set<Channel> channels,
        PushStatus status, OffsetDateTime scheduledAt, OffsetDateTime publishedAt, OffsetDateTime cancelledAt,
        Long createdBy, Long approvedBy, boolean expanded, int recipients, int version, List<Attachment> attachments,
        DeliveryProgress progress, List<FailureGroup> failures) {

    public record Attachment(long id, String fileName, String contentType, long sizeBytes) {
    }
}
