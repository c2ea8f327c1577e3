package cn.cac.gzh.push.internal;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import cn.cac.gzh.delivery.Channel;
import cn.cac.gzh.push.PushAudience;
import cn.cac.gzh.push.PushStatus;
import cn.cac.gzh.push.PushView;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/** The push tables ({@code push_message}, {@code push_attachment}) with the audience and channels as types. */
@Component
class PushRows {

    private final PushMapper pushes;
    private final JsonMapper json;

    PushRows(PushMapper pushes, JsonMapper json) {
        this.pushes = pushes;
        this.json = json;
    }

    record Push(long id, String title, String summary, String bodyHtml, PushAudience audience, Set<Channel> channels,
            PushStatus status, LocalDateTime scheduledAt, LocalDateTime publishedAt, LocalDateTime cancelledAt, long createdBy,
            Long submittedBy, Long approvedBy, String expansionCursor, LocalDateTime expandedAt, int recipientCount,
            int version, String countyCode) {
    }

    record StoredAttachment(long id, long pushId, String objectKey, String fileName, String contentType, long sizeBytes) {
        PushView.Attachment view() {
            return new PushView.Attachment(id, fileName, contentType, sizeBytes);
        }
    }

    Optional<Push> find(long id) {
        return Optional.ofNullable(pushes.find(id)).map(this::push);
    }

    /** The row, locked until the caller's transaction ends (it exists: a primary-key hit locks no gap). */
    Optional<Push> lock(long id) {
        return Optional.ofNullable(pushes.lock(id)).map(this::push);
    }

    List<Push> page(int offset, int limit) {
        return pushes.page(offset, limit).stream().map(this::push).toList();
    }

    /** Pushes whose time has come and whose audience is not yet all in rows. */
    List<Long> dueForExpansion(LocalDateTime now) {
        return pushes.dueForExpansion(now);
    }

    List<Long> sendingAndExpanded() {
        return pushes.sendingAndExpanded();
    }

    List<StoredAttachment> attachments(long pushId) {
        return pushes.attachments(pushId);
    }

    /** A new draft; its id. */
    long insertDraft(String countyCode, String title, String summary, String bodyHtml, PushAudience audience,
            Set<Channel> channels, long staffId, LocalDateTime now) {
        var push = new PushMapper.NewPush();
        push.countyCode = countyCode;
        push.title = title;
        push.summary = summary;
        push.bodyHtml = bodyHtml;
        push.audience = audienceJson(audience);
        push.channels = channels(channels);
        push.createdBy = staffId;
        push.at = now;
        pushes.insert(push);
        return push.id;
    }

    void updateDraft(long id, String title, String summary, String bodyHtml, PushAudience audience, Set<Channel> channels,
            LocalDateTime now) {
        pushes.updateDraft(id, title, summary, bodyHtml, audienceJson(audience), channels(channels), now);
    }

    void submit(long id, PushStatus next, LocalDateTime scheduledAt, long staffId, LocalDateTime now) {
        pushes.submit(id, next, scheduledAt, staffId, now);
    }

    void approve(long id, long staffId, LocalDateTime now) {
        pushes.approve(id, staffId, now);
    }

    void cancel(long id, LocalDateTime now) {
        pushes.cancel(id, now);
    }

    /** One expansion batch written; {@code expandedAt} null while more recipients may follow. */
    void expanded(long id, LocalDateTime publishedAt, String cursor, int count, LocalDateTime expandedAt, LocalDateTime now) {
        pushes.expanded(id, publishedAt, cursor, count, expandedAt, now);
    }

    /** False when the push was no longer sending. */
    boolean markSent(long id, LocalDateTime now) {
        return pushes.markSent(id, now) == 1;
    }

    /** A new attachment row; its id. */
    long insertAttachment(long pushId, String objectKey, String fileName, String contentType, long sizeBytes, LocalDateTime now) {
        var attachment = new PushMapper.NewAttachment();
        attachment.pushId = pushId;
        attachment.objectKey = objectKey;
        attachment.fileName = fileName;
        attachment.contentType = contentType;
        attachment.sizeBytes = sizeBytes;
        attachment.at = now;
        pushes.insertAttachment(attachment);
        return attachment.id;
    }

    Optional<String> attachmentKey(long attachmentId, long pushId) {
        return Optional.ofNullable(pushes.attachmentKey(attachmentId, pushId));
    }

    void deleteAttachment(long attachmentId) {
        pushes.deleteAttachment(attachmentId);
    }

    String audienceJson(PushAudience audience) {
        return json.writeValueAsString(audience);
    }

    static String channels(Set<Channel> channels) {
        return channels.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    private Push push(PushMapper.PushRow row) {
        String channels = row.channels();
        Set<Channel> parsed = channels.isBlank() ? EnumSet.noneOf(Channel.class)
                : Arrays.stream(channels.split(",")).map(Channel::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Channel.class)));
        return new Push(row.id(), row.title(), row.summary(), row.bodyHtml(), json.readValue(row.audience(), PushAudience.class),
                parsed, row.status(), row.scheduledAt(), row.publishedAt(), row.cancelledAt(), row.createdBy(), row.submittedBy(),
                row.approvedBy(), row.expansionCursor(), row.expandedAt(), row.recipientCount(), row.version(), row.countyCode());
    }
}
