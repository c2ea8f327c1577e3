package cn.cac.gzh.filing.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

import cn.cac.gzh.filing.FilingStatus;
import cn.cac.gzh.filing.ReminderCandidate;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * Due dates and reminder reads. Each reminder query is a range on a (status, date) index: idx_filing_status_due,
 * idx_filing_status_opened, idx_filing_status_decided. Collections passed to {@code IN} must not be empty.
 */
@Mapper
interface DeadlineMapper {

    /** Column order of {@link ReminderCandidate}'s constructor. */
    String CANDIDATE = """
            SELECT id AS filing_id, operator_id, status, account_name, opened_on, due_on, decided_at, rejection_reason, filing_number,
                   county_code
            FROM filing""";

    record Opened(long id, String countyCode, LocalDate openedOn, LocalDate dueOn) {
    }

    record Status(long id, FilingStatus status) {
    }

    @Select("<script>" + CANDIDATE + """
             WHERE status IN ('DRAFT', 'REJECTED')
              AND due_on IN <foreach item="day" collection="days" open="(" separator="," close=")">#{day}</foreach>
              <if test="countyCode != null">AND county_code = #{countyCode}</if>
              AND id &gt; #{afterId}
            ORDER BY id LIMIT #{limit}</script>""")
    List<ReminderCandidate> unfinishedDueOn(Collection<LocalDate> days, String countyCode, long afterId, int limit);

    @Select("<script>" + CANDIDATE + """
             WHERE status IN ('DRAFT', 'REJECTED')
              AND opened_on IN <foreach item="day" collection="days" open="(" separator="," close=")">#{day}</foreach>
              AND id &gt; #{afterId}
              AND due_on = DATE_ADD(opened_on, INTERVAL #{window} DAY)
            ORDER BY id LIMIT #{limit}</script>""")
    List<ReminderCandidate> unfinishedOpenedOn(Collection<LocalDate> days, long afterId, int window, int limit);

    @Select(CANDIDATE + """
             WHERE status = #{status} AND decided_at >= #{from} AND decided_at < #{to} AND id > #{afterId}
            ORDER BY id LIMIT #{limit}""")
    List<ReminderCandidate> decidedBetween(FilingStatus status, LocalDateTime from, LocalDateTime to, long afterId, int limit);

    @Select(CANDIDATE + " WHERE id = #{filingId}")
    ReminderCandidate about(long filingId);

    @Select("""
            <script>SELECT id, status FROM filing WHERE id IN
            <foreach item="id" collection="ids" open="(" separator="," close=")">#{id}</foreach></script>""")
    List<Status> statuses(Collection<Long> ids);

    /** Keyset batch of filings with an opening date. */
    @Select("SELECT id, county_code, opened_on, due_on FROM filing WHERE id > #{afterId} AND opened_on IS NOT NULL ORDER BY id LIMIT #{limit}")
    List<Opened> openedAfter(long afterId, int limit);

    @Update("UPDATE filing SET due_on = #{dueOn} WHERE id = #{id}")
    int setDueOn(long id, LocalDate dueOn);
}
