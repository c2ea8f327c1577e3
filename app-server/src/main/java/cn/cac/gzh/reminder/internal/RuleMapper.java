package cn.cac.gzh.reminder.internal;

import java.time.LocalDateTime;
import java.util.List;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * reminder_rule: the editable reminder rules, a row per (rule, office): the city's (the default) and a county's own
 * overrides; versioned for optimistic updates.
 */
@Mapper
interface RuleMapper {

    /** {@code offsets} as stored: comma-separated days. */
    record RuleRow(RuleCode code, boolean enabled, String offsets, String title, String body, LocalDateTime updatedAt,
            int version, String regionCode) {
    }

    String COLUMNS = "SELECT code, enabled, offsets, title, body, updated_at, version, region_code FROM reminder_rule";

    /** Every office's rows (a handful per office): what a scan reads once. */
    @Select(COLUMNS)
    List<RuleRow> all();

    @Select(COLUMNS + " WHERE code = #{code} AND region_code = #{regionCode}")
    RuleRow find(RuleCode code, String regionCode);

    /** 0 when the version moved on since {@code expectedVersion} (or the row is gone). */
    @Update("""
            UPDATE reminder_rule SET enabled = #{enabled}, offsets = #{offsets}, title = #{title}, body = #{body},
                   updated_by = #{staffId}, updated_at = #{now}, version = version + 1
            WHERE code = #{code} AND region_code = #{regionCode} AND version = #{expectedVersion}
            """)
    int update(RuleCode code, String regionCode, boolean enabled, String offsets, String title, String body, long staffId,
            LocalDateTime now, int expectedVersion);

    /** A county's own row, version 1 (its inherited view reads 0); 0 when someone else wrote one first. */
    @Insert("""
            INSERT IGNORE INTO reminder_rule (code, region_code, enabled, offsets, title, body, updated_by, updated_at, version)
            VALUES (#{code}, #{regionCode}, #{enabled}, #{offsets}, #{title}, #{body}, #{staffId}, #{now}, 1)
            """)
    int insert(RuleCode code, String regionCode, boolean enabled, String offsets, String title, String body, long staffId,
            LocalDateTime now);

    @Delete("DELETE FROM reminder_rule WHERE code = #{code} AND region_code = #{regionCode}")
    int delete(RuleCode code, String regionCode);
}
