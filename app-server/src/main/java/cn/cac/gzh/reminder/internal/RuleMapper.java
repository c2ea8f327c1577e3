package cn.cac.gzh.reminder.internal;

import java.time.LocalDateTime;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** reminder_rule: the editable reminder rules, versioned for optimistic updates. */
@Mapper
interface RuleMapper {

    /** {@code offsets} as stored: comma-separated days. */
    record RuleRow(RuleCode code, boolean enabled, String offsets, String title, String body, LocalDateTime updatedAt,
            int version) {
    }

    @Select("SELECT code, enabled, offsets, title, body, updated_at, version FROM reminder_rule")
    List<RuleRow> all();

    @Select("SELECT code, enabled, offsets, title, body, updated_at, version FROM reminder_rule WHERE code = #{code}")
    RuleRow find(RuleCode code);

    /** 0 when the version moved on since {@code expectedVersion}. */
    @Update("""
            UPDATE reminder_rule SET enabled = #{enabled}, offsets = #{offsets}, title = #{title}, body = #{body},
                   updated_by = #{staffId}, updated_at = #{now}, version = version + 1
            WHERE code = #{code} AND version = #{expectedVersion}
            """)
    int update(RuleCode code, boolean enabled, String offsets, String title, String body, long staffId, LocalDateTime now,
            int expectedVersion);
}
