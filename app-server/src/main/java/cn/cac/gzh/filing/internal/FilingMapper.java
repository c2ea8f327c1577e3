package cn.cac.gzh.filing.internal;

import java.util.List;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface FilingMapper extends BaseMapper<FilingRow> {

    /** The filing only if it belongs to the operator: someone else's id looks exactly like a missing one. */
    @Select("SELECT * FROM filing WHERE id = #{id} AND operator_id = #{operatorId}")
    FilingRow findOwned(long id, long operatorId);

    /** {@link #findOwned}, holding the row's lock (the row exists: a primary-key hit locks no gap). */
    @Select("SELECT * FROM filing WHERE id = #{id} AND operator_id = #{operatorId} FOR UPDATE")
    FilingRow lockOwned(long id, long operatorId);

    /** A flag only: version and updated_at stay as they are. */
    @Update("UPDATE filing SET material_mismatch = #{mismatch} WHERE id = #{id}")
    int setMaterialMismatch(long id, boolean mismatch);

    @Select("SELECT county_code FROM filing WHERE operator_id = #{operatorId} ORDER BY id DESC LIMIT 1")
    String latestCountyOf(long operatorId);

    @Select("SELECT * FROM filing WHERE operator_id = #{operatorId} ORDER BY id DESC")
    List<FilingRow> findByOperator(long operatorId);

    /** Who holds the account already (by original ID or WeChat ID), excluding one filing. */
    @Select("""
            SELECT operator_id FROM filing
            WHERE id <> #{exceptId}
              AND ((#{originalId,jdbcType=VARCHAR} IS NOT NULL AND account_original_id = #{originalId,jdbcType=VARCHAR})
                OR (#{wechatId,jdbcType=VARCHAR} IS NOT NULL AND account_wechat_id = #{wechatId,jdbcType=VARCHAR}))
            LIMIT 1
            """)
    Long findHolderOfAccount(String originalId, String wechatId, long exceptId);
}
