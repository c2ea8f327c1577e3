package cn.cac.gzh.filing.internal;

import java.time.LocalDateTime;
import java.util.List;

import cn.cac.gzh.filing.ActorType;
import cn.cac.gzh.filing.FilingStatus;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

@Mapper
interface TransitionMapper {

    record TransitionRow(long id, long filingId, FilingStatus fromStatus, FilingStatus toStatus, ActorType actorType,
            Long actorId, String reason, LocalDateTime occurredAt) {
    }

    @Insert("""
            INSERT INTO filing_transition (filing_id, from_status, to_status, actor_type, actor_id, reason, occurred_at)
            VALUES (#{filingId}, #{from,jdbcType=VARCHAR}, #{to}, #{actorType}, #{actorId,jdbcType=BIGINT}, #{reason,jdbcType=VARCHAR}, #{occurredAt})
            """)
    void insert(long filingId, FilingStatus from, FilingStatus to, ActorType actorType, Long actorId, String reason,
            LocalDateTime occurredAt);

    /** The id of the row {@link #insert} just wrote (same connection, same transaction). */
    @Select("SELECT LAST_INSERT_ID()")
    long lastInsertId();

    @Select("""
            SELECT id, filing_id, from_status, to_status, actor_type, actor_id, reason, occurred_at
            FROM filing_transition WHERE filing_id = #{filingId} ORDER BY id
            """)
    List<TransitionRow> findByFiling(long filingId);
}
