package cn.cac.gzh.push.internal;

import java.time.LocalDateTime;
import java.util.List;

import cn.cac.gzh.push.PushStatus;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** push_message and push_attachment; {@link PushRows} turns the stored audience (JSON) and channels (CSV) into types. */
@Mapper
interface PushMapper {

    String COLUMNS = """
            SELECT id, title, summary, body_html, audience, channels, status, scheduled_at, published_at, cancelled_at, created_by,
                   submitted_by, approved_by, expansion_cursor, expanded_at, recipient_count, version, county_code FROM push_message""";

    record PushRow(long id, String title, String summary, String bodyHtml, String audience, String channels, PushStatus status,
            LocalDateTime scheduledAt, LocalDateTime publishedAt, LocalDateTime cancelledAt, long createdBy, Long submittedBy,
            Long approvedBy, String expansionCursor, LocalDateTime expandedAt, int recipientCount, int version, String countyCode) {
    }

    final class NewPush {
        public Long id;
        public String title;
        public String summary;
        public String bodyHtml;
        public String audience;
        public String channels;
        public long createdBy;
        public String countyCode;
        public LocalDateTime at;
    }

    final class NewAttachment {
        public Long id;
        public long pushId;
        public String objectKey;
        public String fileName;
        public String contentType;
        public long sizeBytes;
        public LocalDateTime at;
    }

    @Select(COLUMNS + " WHERE id = #{id}")
    PushRow find(long id);

    /** A primary-key hit: the row is locked, no gap. */
    @Select(COLUMNS + " WHERE id = #{id} FOR UPDATE")
    PushRow lock(long id);

    @Select(COLUMNS + " ORDER BY id DESC LIMIT #{limit} OFFSET #{offset}")
    List<PushRow> page(int offset, int limit);

    @Select("""
            SELECT id FROM push_message WHERE status IN ('SCHEDULED', 'SENDING') AND scheduled_at <= #{now} AND expanded_at IS NULL
            ORDER BY scheduled_at LIMIT 20
            """)
    List<Long> dueForExpansion(LocalDateTime now);

    @Select("SELECT id FROM push_message WHERE status = 'SENDING' AND expanded_at IS NOT NULL LIMIT 100")
    List<Long> sendingAndExpanded();

    @Insert("""
            INSERT INTO push_message (county_code, title, summary, body_html, audience, channels, status, created_by, created_at,
                                      updated_at)
            VALUES (#{countyCode}, #{title}, #{summary}, #{bodyHtml}, #{audience}, #{channels}, 'DRAFT', #{createdBy}, #{at}, #{at})
            """)
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    void insert(NewPush push);

    @Update("""
            UPDATE push_message SET title = #{title}, summary = #{summary}, body_html = #{bodyHtml}, audience = #{audience},
                                    channels = #{channels}, updated_at = #{at}, version = version + 1
            WHERE id = #{id}
            """)
    void updateDraft(long id, String title, String summary, String bodyHtml, String audience, String channels, LocalDateTime at);

    @Update("""
            UPDATE push_message SET status = #{status}, scheduled_at = #{scheduledAt}, submitted_by = #{staffId}, updated_at = #{at},
                                    version = version + 1
            WHERE id = #{id}
            """)
    void submit(long id, PushStatus status, LocalDateTime scheduledAt, long staffId, LocalDateTime at);

    @Update("UPDATE push_message SET status = 'SCHEDULED', approved_by = #{staffId}, updated_at = #{at}, version = version + 1 WHERE id = #{id}")
    void approve(long id, long staffId, LocalDateTime at);

    @Update("UPDATE push_message SET status = 'CANCELLED', cancelled_at = #{at}, updated_at = #{at}, version = version + 1 WHERE id = #{id}")
    void cancel(long id, LocalDateTime at);

    /** {@code expandedAt} null while more recipients may follow. */
    @Update("""
            UPDATE push_message SET status = 'SENDING', published_at = #{publishedAt}, expansion_cursor = #{cursor},
                                    recipient_count = recipient_count + #{count}, expanded_at = #{expandedAt}, updated_at = #{at}
            WHERE id = #{id}
            """)
    void expanded(long id, LocalDateTime publishedAt, String cursor, int count, LocalDateTime expandedAt, LocalDateTime at);

    @Update("UPDATE push_message SET status = 'SENT', updated_at = #{at} WHERE id = #{id} AND status = 'SENDING'")
    int markSent(long id, LocalDateTime at);

    @Select("SELECT id, push_id, object_key, file_name, content_type, size_bytes FROM push_attachment WHERE push_id = #{pushId} ORDER BY id")
    List<PushRows.StoredAttachment> attachments(long pushId);

    @Insert("""
            INSERT INTO push_attachment (push_id, object_key, file_name, content_type, size_bytes, created_at)
            VALUES (#{pushId}, #{objectKey}, #{fileName}, #{contentType}, #{sizeBytes}, #{at})
            """)
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    void insertAttachment(NewAttachment attachment);

    @Select("SELECT object_key FROM push_attachment WHERE id = #{id} AND push_id = #{pushId}")
    String attachmentKey(long id, long pushId);

    @Delete("DELETE FROM push_attachment WHERE id = #{id}")
    void deleteAttachment(long id);
}
