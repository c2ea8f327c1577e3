package cn.cac.gzh.audit.internal;

import java.time.LocalDateTime;
import java.util.List;

import com.baomidou.mybatisplus.annotation.InterceptorIgnore;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * The audit log and its chain head. Appends only: nothing here updates or deletes an entry ({@code AuditAppendOnlyTest}).
 * While a county office's staff member runs, the reads of the log are narrowed to their county by the county scope
 * ({@code common.CountyScopeInterceptor}); the append and the chain's walk are not ({@code @InterceptorIgnore}).
 */
@Mapper
interface AuditLogMapper {

    record Row(long id, LocalDateTime occurredAt, String actorType, Long actorId, String action, String targetType,
            String targetId, String detail, String clientIp, String countyCode) {
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

    @Select("<script>SELECT id, occurred_at, actor_type, actor_id, action, target_type, target_id, detail, client_ip, county_code "
            + "FROM audit_log "
            + WHERE + " ORDER BY id DESC LIMIT #{limit} OFFSET #{offset}</script>")
    List<Row> page(String actorType, Long actorId, String action, String targetType, String targetId, LocalDateTime from,
            LocalDateTime to, int limit, long offset);

    @Select("SELECT last_id, last_hash FROM audit_chain_head WHERE id = 1")
    Head head();

    /** The whole chain, whoever asks: not narrowed to a county (an entry of any county links the next). */
    @InterceptorIgnore(tenantLine = "true")
    @Select("""
            SELECT id, occurred_at, actor_type, actor_id, action, target_type, target_id, detail, client_ip, prev_hash, entry_hash
            FROM audit_log WHERE id > #{afterId} AND id <= #{upToId} ORDER BY id LIMIT #{limit}""")
    List<Link> links(long afterId, long upToId, int limit);

    @InterceptorIgnore(tenantLine = "true")
    @Select("SELECT COUNT(*) FROM audit_log WHERE id <= #{upToId}")
    long countUpTo(long upToId);

    /** The head, locked until the caller's transaction ends: appends form one line across threads and instances. */
    @Select("SELECT last_id, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
    Head lockHead();

    /**
     * {@code occurredAt} as text ({@code yyyy-MM-dd HH:mm:ss.SSS}): see {@link DatabaseAuditTrail}. {@code countyCode}
     * is stored as {@link AuditCounty} decided it (not the county scope's), and is not hashed.
     */
    @InterceptorIgnore(tenantLine = "true")
    @Insert("""
            INSERT INTO audit_log (id, occurred_at, actor_type, actor_id, action, target_type, target_id, detail, client_ip,
                                   county_code, prev_hash, entry_hash)
            VALUES (#{id}, #{occurredAt}, #{actorType}, #{actorId}, #{action}, #{targetType}, #{targetId}, #{detail},
                    #{clientIp}, #{countyCode}, #{prevHash}, #{entryHash})""")
    void append(long id, String occurredAt, String actorType, Long actorId, String action, String targetType,
            String targetId, String detail, String clientIp, String countyCode, String prevHash, String entryHash);

    @Update("UPDATE audit_chain_head SET last_id = #{lastId}, last_hash = #{lastHash} WHERE id = 1")
    void moveHead(long lastId, String lastHash);
}
