package cn.cac.gzh.audit.internal;

import java.time.LocalDateTime;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

/** Reads of the audit log; appends go through {@link JdbcAuditTrail} (the chain head lock and the stored time text). */
@Mapper
interface AuditLogMapper {

    record Row(long id, LocalDateTime occurredAt, String actorType, Long actorId, String action, String targetType,
            String targetId, String detail, String clientIp) {
    }

    record Head(long lastId, String lastHash) {
    }

    record Link(long id, LocalDateTime occurredAt, String actorType, Long actorId, String action, String targetType,
            String targetId, String detail, String clientIp, String prevHash, String entryHash) {
    }

    /** Each filter applies only when given (null means any). */
    String WHERE = """
            <where>
              <if test="actorType != null">AND actor_type = #{actorType}</if>
              <if test="actorId != null">AND actor_id = #{actorId}</if>
              <if test="action != null">AND action = #{action}</if>
              <if test="targetType != null">AND target_type = #{targetType}</if>
              <if test="targetId != null">AND target_id = #{targetId}</if>
              <if test="from != null">AND occurred_at &gt;= #{from}</if>
              <if test="to != null">AND occurred_at &lt; #{to}</if>
            </where>
            """;

    @Select("<script>SELECT COUNT(*) FROM audit_log " + WHERE + "</script>")
    long count(String actorType, Long actorId, String action, String targetType, String targetId, LocalDateTime from,
            LocalDateTime to);

    @Select("<script>SELECT id, occurred_at, actor_type, actor_id, action, target_type, target_id, detail, client_ip FROM audit_log "
            + WHERE + " ORDER BY id DESC LIMIT #{limit} OFFSET #{offset}</script>")
    List<Row> page(String actorType, Long actorId, String action, String targetType, String targetId, LocalDateTime from,
            LocalDateTime to, int limit, long offset);

    @Select("SELECT last_id, last_hash FROM audit_chain_head WHERE id = 1")
    Head head();

    @Select("""
            SELECT id, occurred_at, actor_type, actor_id, action, target_type, target_id, detail, client_ip, prev_hash, entry_hash
            FROM audit_log WHERE id > #{afterId} AND id <= #{upToId} ORDER BY id LIMIT #{limit}""")
    List<Link> links(long afterId, long upToId, int limit);

    @Select("SELECT COUNT(*) FROM audit_log WHERE id <= #{upToId}")
    long countUpTo(long upToId);
}
