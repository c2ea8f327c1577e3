package cn.cac.gzh.reminder.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** filing_notice: reminders and review results waiting for, or done with, sending. */
@Mapper
interface NoticeMapper {

    String DUE_COLUMNS = "SELECT id, kind, rule_code, filing_id, operator_id, title, body, created_at FROM filing_notice ";
    String STORED_COLUMNS = "SELECT id, kind, rule_code, step, title, body, status, created_at, send_at, sent_at, cancelled_at FROM filing_notice ";

    /** Rows whose unique key exists are left as they are. Callers pass a non-empty list, titles and bodies already cut. */
    @Insert("""
            <script>
            INSERT IGNORE INTO filing_notice (kind, rule_code, filing_id, operator_id, occasion, step, transition_id,
                                              title, body, status, send_at, created_at)
            VALUES
            <foreach collection="notices" item="n" separator=",">
              (#{n.kind}, #{n.ruleCode}, #{n.filingId}, #{n.operatorId}, #{n.occasion}, #{n.step}, #{n.transitionId},
               #{n.title}, #{n.body}, 'PENDING', #{sendAt}, #{now})
            </foreach>
            </script>
            """)
    void insertIgnoringExisting(List<NewNotice> notices, LocalDateTime sendAt, LocalDateTime now);

    @Select(DUE_COLUMNS + "WHERE transition_id = #{transitionId} AND status = 'PENDING'")
    NoticeStore.Due pendingOfTransition(long transitionId);

    @Select(DUE_COLUMNS + "WHERE rule_code = #{ruleCode} AND filing_id = #{filingId} AND occasion = #{day} AND step = 0 AND status = 'PENDING'")
    NoticeStore.Due pendingOfDay(String ruleCode, long filingId, LocalDate day);

    /** Rows another instance holds are skipped, not waited for. */
    @Select(DUE_COLUMNS + "WHERE status = 'PENDING' AND send_at <= #{now} ORDER BY send_at, id LIMIT #{limit} FOR UPDATE SKIP LOCKED")
    List<NoticeStore.Due> lockDue(LocalDateTime now, int limit);

    @Update("UPDATE filing_notice SET status = 'SENT', sent_at = #{now} WHERE id = #{id} AND status = 'PENDING'")
    int markSent(long id, LocalDateTime now);

    @Update("UPDATE filing_notice SET status = 'CANCELLED', cancelled_at = #{now} WHERE id = #{id} AND status = 'PENDING'")
    int markCancelled(long id, LocalDateTime now);

    @Update("""
            UPDATE filing_notice SET status = 'CANCELLED', cancelled_at = #{now}
            WHERE filing_id = #{filingId} AND kind = 'REMINDER' AND status = 'PENDING'
            """)
    int cancelPendingReminders(long filingId, LocalDateTime now);

    @Select("SELECT id FROM filing_notice WHERE filing_id = #{filingId} AND kind = 'REMINDER' AND status = 'SENT' AND sent_at >= #{since}")
    List<Long> sentRemindersSince(long filingId, LocalDateTime since);

    @Select(STORED_COLUMNS + "WHERE filing_id = #{filingId} ORDER BY id DESC LIMIT 200")
    List<NoticeStore.Stored> newestOfFiling(long filingId);

    @Select(STORED_COLUMNS + "WHERE id = #{id}")
    NoticeStore.Stored find(long id);
}
