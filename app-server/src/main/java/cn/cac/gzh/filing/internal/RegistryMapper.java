package cn.cac.gzh.filing.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import cn.cac.gzh.filing.EnforcementAction;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;

import com.baomidou.mybatisplus.core.conditions.Wrapper;
import com.baomidou.mybatisplus.core.toolkit.Constants;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface RegistryMapper {

    record Count(String name, long count) {
    }

    /** A county's figures, as counted by {@link #countByCounty}. */
    record CountyCount(String countyCode, long total, long submitted, long approved, long overdue) {
    }

    record EnforcementRow(long id, long filingId, EnforcementAction action, LocalDate actedOn, String note, long staffId,
            LocalDateTime createdAt) {
    }

    /** Counts matches, but stops at {@code limit}. */
    @Select("SELECT COUNT(*) FROM (SELECT 1 FROM filing ${ew.customSqlSegment} LIMIT #{limit}) capped")
    long countCapped(@Param(Constants.WRAPPER) Wrapper<FilingRow> where, @Param("limit") int limit);

    @Select("SELECT status AS name, COUNT(*) AS count FROM filing GROUP BY status")
    List<Count> countByStatus();

    @Select("SELECT COALESCE(township, '未填写') AS name, COUNT(*) AS count FROM filing WHERE status <> 'REVOKED' GROUP BY township")
    List<Count> countByTownship();

    @Select("""
            SELECT CASE WHEN form_type = 'INDIVIDUAL' THEN 'INDIVIDUAL' ELSE COALESCE(unit_type, 'UNIT') END AS name,
                   COUNT(*) AS count
            FROM filing WHERE status <> 'REVOKED' GROUP BY name
            """)
    List<Count> countBySubjectType();

    @Select("SELECT COUNT(*) FROM filing WHERE status IN ('DRAFT', 'REJECTED') AND due_on < #{today}")
    long countOverdue(LocalDate today);

    /** Per county in one pass (idx_filing_county_status); a county-bound caller's statement is narrowed to their county. */
    @Select("""
            SELECT county_code AS countyCode, COUNT(*) AS total,
                   COALESCE(SUM(status = 'SUBMITTED'), 0) AS submitted,
                   COALESCE(SUM(status = 'APPROVED'), 0) AS approved,
                   COALESCE(SUM(status IN ('DRAFT', 'REJECTED') AND due_on < #{today}), 0) AS overdue
            FROM filing GROUP BY county_code
            """)
    List<CountyCount> countByCounty(LocalDate today);

    @Select("SELECT COUNT(*) FROM filing WHERE status = 'APPROVED' AND paper_received_at IS NULL")
    long countAwaitingPaper();

    @Update("""
            UPDATE filing SET paper_received_at = #{at}, paper_received_by = #{staffId}, updated_at = #{at}
            WHERE id = #{filingId} AND paper_received_at IS NULL
            """)
    int markPaperReceived(long filingId, long staffId, LocalDateTime at);

    @Insert("""
            INSERT INTO filing_enforcement (filing_id, action, acted_on, note, staff_id, created_at)
            VALUES (#{filingId}, #{action}, #{actedOn}, #{note,jdbcType=VARCHAR}, #{staffId}, #{createdAt})
            """)
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    void insertEnforcement(EnforcementInsert insert);

    @Select("SELECT * FROM filing_enforcement WHERE filing_id = #{filingId} ORDER BY acted_on, id")
    List<EnforcementRow> enforcementOf(long filingId);

    /** Mutable so MyBatis can hand back the generated id. */
    final class EnforcementInsert {
        public Long id;
        public long filingId;
        public EnforcementAction action;
        public LocalDate actedOn;
        public String note;
        public long staffId;
        public LocalDateTime createdAt;
    }
}
