package cn.cac.gzh.delivery.internal;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import cn.cac.gzh.delivery.Channel;
import cn.cac.gzh.delivery.FailureGroup;
import cn.cac.gzh.delivery.OutgoingMessage;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** delivery, delivery_message and the opt-ins (subscribe_opt_in) subscribe messages consume. */
@Mapper
interface DeliveryMapper {

    /** A due row as read for a claim; {@link DeliveryStore} turns it into a claim. */
    record ClaimableRow(long id, String sourceType, long sourceId, Channel channel, String recipient, Long operatorId,
            Long inboxItemId, int attempts, LocalDateTime sendStartedAt) {
    }

    /** One WeChat message to write. */
    record NewDelivery(Channel channel, String recipient, Long operatorId, Long inboxItemId) {
    }

    record StatusCount(Channel channel, String status, long n) {
    }

    record ChannelCount(Channel channel, long n) {
    }

    /** For the queue gauges (DeliveryMetrics): due QUEUED rows per channel, a range of idx_delivery_due. */
    @Select("SELECT channel, COUNT(*) AS n FROM delivery WHERE status = 'QUEUED' AND next_attempt_at <= #{now} GROUP BY channel")
    List<ChannelCount> dueByChannel(LocalDateTime now);

    /** The oldest due QUEUED row's time: the first entry of that range of idx_delivery_due. */
    @Select("SELECT MIN(next_attempt_at) FROM delivery WHERE status = 'QUEUED' AND next_attempt_at <= #{now}")
    LocalDateTime oldestDue(LocalDateTime now);

    record ChannelTraceRow(long sourceId, Channel channel, String status, LocalDateTime sentAt, String errorCode) {
    }

    /** Rows locked by a concurrent claim are skipped, not waited for. */
    @Select("""
            <script>
            SELECT id, source_type, source_id, channel, recipient, operator_id, inbox_item_id, attempts, send_started_at
            FROM delivery WHERE status = #{status} AND next_attempt_at &lt;= #{now}
            <if test="!excluded.isEmpty()">
              AND channel NOT IN <foreach collection="excluded" item="channel" open="(" separator="," close=")">#{channel}</foreach>
            </if>
            ORDER BY next_attempt_at LIMIT #{limit} FOR UPDATE SKIP LOCKED
            </script>
            """)
    List<ClaimableRow> lockDue(String status, Set<Channel> excluded, LocalDateTime now, int limit);

    @Update("""
            <script>
            UPDATE delivery SET status = 'SENDING', lease_owner = #{owner}, next_attempt_at = #{leaseUntil}, attempts = attempts + 1
            WHERE id IN <foreach collection="ids" item="id" open="(" separator="," close=")">#{id}</foreach>
            </script>
            """)
    int lease(Collection<Long> ids, String owner, LocalDateTime leaseUntil);

    /**
     * The outcomes as a derived table joined to their rows by primary key: one statement for many rows,
     * written only where the row is still under the outcome's claim.
     */
    @Update("""
            <script>
            UPDATE delivery d FORCE INDEX (PRIMARY) JOIN (
            <foreach collection="outcomes" item="o" separator=" UNION ALL ">
              SELECT #{o.id} AS id, #{o.leaseUntil} AS lease_until, #{o.status} AS status, #{o.attempts} AS attempts,
                     #{o.errorCode} AS error_code, #{o.errorMessage} AS error_message, #{o.msgId} AS msg_id,
                     #{o.sentAt} AS sent_at, #{o.finishedAt} AS finished_at, #{o.nextAttemptAt} AS next_attempt_at
            </foreach>
            ) o ON d.id = o.id AND d.next_attempt_at = CAST(o.lease_until AS DATETIME(3))
            SET d.status = o.status, d.attempts = o.attempts, d.error_code = o.error_code,
                d.error_message = o.error_message, d.wechat_msg_id = COALESCE(o.msg_id, d.wechat_msg_id),
                d.sent_at = COALESCE(o.sent_at, d.sent_at), d.finished_at = o.finished_at,
                d.next_attempt_at = COALESCE(o.next_attempt_at, d.next_attempt_at), d.lease_owner = NULL
            WHERE d.lease_owner = #{owner} AND d.status = 'SENDING'
            </script>
            """)
    int recordOutcomes(String owner, List<DeliveryStore.Outcome> outcomes);

    /**
     * Back to QUEUED, the attempt not counted, where the row is still under this claim and nothing may have
     * left; like {@link #recordOutcomes}, one statement for many rows.
     */
    @Update("""
            <script>
            UPDATE delivery d FORCE INDEX (PRIMARY) JOIN (
            <foreach collection="rows" item="r" separator=" UNION ALL ">
              SELECT #{r.id} AS id, #{r.leaseUntil} AS lease_until, #{r.attempts} - 1 AS attempts
            </foreach>
            ) r ON d.id = r.id AND d.next_attempt_at = CAST(r.lease_until AS DATETIME(3))
            SET d.status = 'QUEUED', d.attempts = r.attempts, d.next_attempt_at = #{now}, d.lease_owner = NULL
            WHERE d.lease_owner = #{owner} AND d.status = 'SENDING' AND d.send_started_at IS NULL
            </script>
            """)
    int release(String owner, List<DeliveryStore.Claimed> rows, LocalDateTime now);

    @Select("SELECT COUNT(*) FROM subscribe_opt_in WHERE delivery_id = #{deliveryId}")
    int optInsHeldBy(long deliveryId);

    @Update("""
            UPDATE subscribe_opt_in SET delivery_id = #{deliveryId}, consumed_at = #{now}
            WHERE operator_id = #{operatorId} AND template_id = #{templateId} AND consumed_at IS NULL ORDER BY id LIMIT 1
            """)
    int holdOptIn(long deliveryId, Long operatorId, String templateId, LocalDateTime now);

    @Update("UPDATE delivery SET send_started_at = #{now} WHERE id = #{id} AND lease_owner = #{owner} AND next_attempt_at = #{leaseUntil}")
    int markSendStarted(long id, String owner, LocalDateTime leaseUntil, LocalDateTime now);

    /** One row per accepted template (the same template twice: two messages). Callers pass a non-empty list. */
    @Insert("""
            <script>
            INSERT INTO subscribe_opt_in (operator_id, template_id, granted_at) VALUES
            <foreach collection="templateIds" item="templateId" separator=",">(#{operatorId}, #{templateId}, #{grantedAt})</foreach>
            </script>
            """)
    void grantOptIns(long operatorId, List<String> templateIds, LocalDateTime grantedAt);

    /** Callers pass a non-empty collection. */
    @Select("""
            <script>
            SELECT DISTINCT operator_id FROM subscribe_opt_in
            WHERE template_id = #{templateId} AND consumed_at IS NULL AND operator_id IN
            <foreach collection="operatorIds" item="id" open="(" separator="," close=")">#{id}</foreach>
            </script>
            """)
    List<Long> optedIn(String templateId, Collection<Long> operatorIds);

    @Select("SELECT source_type, source_id, title, summary, published_at FROM delivery_message WHERE source_type = #{sourceType} AND source_id = #{sourceId}")
    OutgoingMessage message(String sourceType, long sourceId);

    @Insert("""
            INSERT INTO delivery_message (source_type, source_id, title, summary, published_at)
            VALUES (#{sourceType}, #{sourceId}, #{title}, #{summary}, #{publishedAt})
            ON DUPLICATE KEY UPDATE source_id = source_id
            """)
    void insertMessageIgnoringDuplicate(OutgoingMessage message);

    /** Existing rows (same message, channel and recipient) are kept. Callers pass a non-empty list. */
    @Insert("""
            <script>
            INSERT INTO delivery (source_type, source_id, channel, recipient, operator_id, inbox_item_id, status,
                                  next_attempt_at, created_at)
            VALUES
            <foreach collection="rows" item="row" separator=",">
              (#{sourceType}, #{sourceId}, #{row.channel}, #{row.recipient}, #{row.operatorId}, #{row.inboxItemId}, 'QUEUED', #{now}, #{now})
            </foreach>
            ON DUPLICATE KEY UPDATE id = id
            </script>
            """)
    void insertIgnoringDuplicates(String sourceType, long sourceId, List<NewDelivery> rows, LocalDateTime now);

    @Update("""
            UPDATE delivery SET status = 'CANCELLED', finished_at = #{now}
            WHERE source_type = #{sourceType} AND source_id = #{sourceId} AND status = 'QUEUED'
            """)
    int cancelQueued(String sourceType, long sourceId, LocalDateTime now);

    @Update("""
            UPDATE delivery SET status = #{status}, error_code = #{errorCode}, error_message = #{errorMessage}, finished_at = #{now}
            WHERE channel = 'TEMPLATE' AND wechat_msg_id = #{msgId} AND status IN ('SENT', 'DELIVERED', 'FAILED')
            """)
    int reportTemplate(String msgId, String status, String errorCode, String errorMessage, LocalDateTime now);

    @Select("""
            SELECT channel, status, COUNT(*) AS n FROM delivery
            WHERE source_type = #{sourceType} AND source_id = #{sourceId} GROUP BY channel, status
            """)
    List<StatusCount> statusCounts(String sourceType, long sourceId);

    @Select("""
            SELECT channel, COALESCE(error_code, '') AS error_code, MAX(error_message) AS example, COUNT(*) AS count FROM delivery
            WHERE source_type = #{sourceType} AND source_id = #{sourceId} AND status IN ('FAILED', 'UNKNOWN')
            GROUP BY channel, COALESCE(error_code, '') ORDER BY count DESC
            """)
    List<FailureGroup> failures(String sourceType, long sourceId);

    /** Callers pass a non-empty collection. */
    @Select("""
            <script>
            SELECT source_id, channel, status, sent_at, error_code FROM delivery
            WHERE source_type = #{sourceType} AND operator_id = #{operatorId} AND source_id IN
            <foreach collection="sourceIds" item="id" open="(" separator="," close=")">#{id}</foreach>
            ORDER BY id
            </script>
            """)
    List<ChannelTraceRow> channelTraces(String sourceType, Collection<Long> sourceIds, long operatorId);
}
