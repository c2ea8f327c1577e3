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

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The push tables: {@code push_message} and {@code push_attachment}. */
@Component
class PushRows {

    private final JdbcClient sql;
    private final JsonMapper json;

    PushRows(JdbcClient sql, JsonMapper json) {
        this.sql = sql;
        this.json = json;
    }

    record Push(long id, String title, String summary, String bodyHtml, PushAudience audience, Set<Channel> channels,
            PushStatus status, LocalDateTime scheduledAt, LocalDateTime publishedAt, LocalDateTime cancelledAt, long createdBy,
            Long submittedBy, Long approvedBy, String expansionCursor, LocalDateTime expandedAt, int recipientCount,
            int version) {
    }

    record StoredAttachment(long id, long pushId, String objectKey, String fileName, String contentType, long sizeBytes) {
        PushView.Attachment view() {
            return new PushView.Attachment(id, fileName, contentType, sizeBytes);
        }
    }

    private static final String COLUMNS = """
            id, title, summary, body_html, audience, channels, status, scheduled_at, published_at, cancelled_at, created_by,
            submitted_by, approved_by, expansion_cursor, expanded_at, recipient_count, version""";

    Optional<Push> find(long id) {
        return sql.sql("SELECT " + COLUMNS + " FROM push_message WHERE id = ?").param(id).query(this::push).optional();
    }

    /** The row, locked until the caller's transaction ends (it exists: a primary-key hit locks no gap). */
    Optional<Push> lock(long id) {
        return sql.sql("SELECT " + COLUMNS + " FROM push_message WHERE id = ? FOR UPDATE").param(id).query(this::push).optional();
    }

    List<Push> page(int offset, int limit) {
        return sql.sql("SELECT " + COLUMNS + " FROM push_message ORDER BY id DESC LIMIT ? OFFSET ?").params(limit, offset)
                .query(this::push).list();
    }

    /** Pushes whose time has come and whose audience is not yet all in rows. */
    List<Long> dueForExpansion(LocalDateTime now) {
        return sql.sql("""
                SELECT id FROM push_message WHERE status IN ('SCHEDULED', 'SENDING') AND scheduled_at <= ? AND expanded_at IS NULL
                ORDER BY scheduled_at LIMIT 20""").param(now).query(Long.class).list();
    }

    List<Long> sendingAndExpanded() {
        return sql.sql("SELECT id FROM push_message WHERE status = 'SENDING' AND expanded_at IS NOT NULL LIMIT 100")
                .query(Long.class).list();
    }

    List<StoredAttachment> attachments(long pushId) {
        return sql.sql("SELECT id, push_id, object_key, file_name, content_type, size_bytes FROM push_attachment WHERE push_id = ? ORDER BY id")
                .param(pushId).query((rs, row) -> new StoredAttachment(rs.getLong("id"), rs.getLong("push_id"),
                        rs.getString("object_key"), rs.getString("file_name"), rs.getString("content_type"),
                        rs.getLong("size_bytes"))).list();
    }

    String audienceJson(PushAudience audience) {
        return json.writeValueAsString(audience);
    }

    static String channels(Set<Channel> channels) {
        return channels.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    private Push push(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        String channels = rs.getString("channels");
        Set<Channel> parsed = channels.isBlank() ? EnumSet.noneOf(Channel.class)
                : Arrays.stream(channels.split(",")).map(Channel::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Channel.class)));
        return new Push(rs.getLong("id"), rs.getString("title"), rs.getString("summary"), rs.getString("body_html"),
                json.readValue(rs.getString("audience"), PushAudience.class), parsed, PushStatus.valueOf(rs.getString("status")),
                rs.getObject("scheduled_at", LocalDateTime.class), rs.getObject("published_at", LocalDateTime.class),
                rs.getObject("cancelled_at", LocalDateTime.class), rs.getLong("created_by"),
                rs.getObject("submitted_by", Long.class), rs.getObject("approved_by", Long.class),
                rs.getString("expansion_cursor"), rs.getObject("expanded_at", LocalDateTime.class), rs.getInt("recipient_count"),
                rs.getInt("version"));
    }
}
