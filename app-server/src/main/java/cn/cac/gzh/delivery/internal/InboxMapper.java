package cn.cac.gzh.delivery.internal;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

import cn.cac.gzh.delivery.InboxReceipt;
import cn.cac.gzh.delivery.OutgoingMessage;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** inbox_item: every message an operator receives, read or not. */
@Mapper
interface InboxMapper {

    record Item(long id, String sourceType, long sourceId, String title, String summary, LocalDateTime createdAt,
            LocalDateTime readAt) {
    }

    record Counts(long total, long unread) {
    }

    record OperatorItem(long operatorId, long id) {
    }

    record ItemTimes(long sourceId, LocalDateTime createdAt, LocalDateTime readAt) {
    }

    record MessageCounts(long items, long opened) {
    }

    /** Existing items are kept. Callers pass a non-empty collection. */
    @Insert("""
            <script>
            INSERT INTO inbox_item (operator_id, source_type, source_id, title, summary, created_at) VALUES
            <foreach collection="operatorIds" item="operatorId" separator=",">
              (#{operatorId}, #{message.sourceType}, #{message.sourceId}, #{message.title}, #{message.summary}, #{now})
            </foreach>
            ON DUPLICATE KEY UPDATE id = id
            </script>
            """)
    void insertIgnoringDuplicates(OutgoingMessage message, Collection<Long> operatorIds, LocalDateTime now);

    /** Callers pass a non-empty collection. */
    @Select("""
            <script>
            SELECT operator_id, id FROM inbox_item WHERE source_type = #{sourceType} AND source_id = #{sourceId} AND operator_id IN
            <foreach collection="operatorIds" item="id" open="(" separator="," close=")">#{id}</foreach>
            </script>
            """)
    List<OperatorItem> idsOf(String sourceType, long sourceId, Collection<Long> operatorIds);

    @Select("SELECT COUNT(*) AS items, COUNT(read_at) AS opened FROM inbox_item WHERE source_type = #{sourceType} AND source_id = #{sourceId}")
    MessageCounts countsOf(String sourceType, long sourceId);

    @Select("""
            SELECT operator_id, created_at AS delivered_at, read_at FROM inbox_item
            WHERE source_type = #{sourceType} AND source_id = #{sourceId} AND operator_id > #{afterOperatorId}
              AND (#{unreadOnly} = FALSE OR read_at IS NULL)
            ORDER BY operator_id LIMIT #{limit}
            """)
    List<InboxReceipt> receipts(String sourceType, long sourceId, boolean unreadOnly, long afterOperatorId, int limit);

    /** Callers pass a non-empty collection. */
    @Select("""
            <script>
            SELECT source_id, created_at, read_at FROM inbox_item
            WHERE source_type = #{sourceType} AND operator_id = #{operatorId} AND source_id IN
            <foreach collection="sourceIds" item="id" open="(" separator="," close=")">#{id}</foreach>
            </script>
            """)
    List<ItemTimes> itemsOf(String sourceType, Collection<Long> sourceIds, long operatorId);

    @Select("""
            SELECT id, source_type, source_id, title, summary, created_at, read_at FROM inbox_item
            WHERE operator_id = #{operatorId} ORDER BY id DESC LIMIT #{limit} OFFSET #{offset}
            """)
    List<Item> newestFirst(long operatorId, int limit, int offset);

    @Select("SELECT COUNT(*) AS total, COUNT(*) - COUNT(read_at) AS unread FROM inbox_item WHERE operator_id = #{operatorId}")
    Counts countsFor(long operatorId);

    @Select("SELECT id, source_type, source_id, title, summary, created_at, read_at FROM inbox_item WHERE id = #{id} AND operator_id = #{operatorId}")
    Item owned(long id, long operatorId);

    /** The first reading counts: a later opening keeps it. */
    @Update("UPDATE inbox_item SET read_at = #{now} WHERE id = #{id} AND read_at IS NULL")
    void markRead(long id, LocalDateTime now);
}
