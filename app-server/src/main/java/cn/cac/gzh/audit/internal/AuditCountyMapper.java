package cn.cac.gzh.audit.internal;

import com.baomidou.mybatisplus.annotation.InterceptorIgnore;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

/**
 * Where the target of an audit entry belongs. Not narrowed by the county scope: the entry is attributed to the
 * target's county whoever writes it.
 */
@Mapper
interface AuditCountyMapper {

    @InterceptorIgnore(tenantLine = "true")
    @Select("SELECT county_code FROM filing WHERE id = #{id}")
    String filing(long id);

    @InterceptorIgnore(tenantLine = "true")
    @Select("SELECT f.county_code FROM material_file m JOIN filing f ON f.id = m.filing_id WHERE m.id = #{id}")
    String materialFile(long id);

    @InterceptorIgnore(tenantLine = "true")
    @Select("SELECT county_code FROM staff_user WHERE id = #{id}")
    String staffUser(long id);

    @InterceptorIgnore(tenantLine = "true")
    @Select("SELECT county_code FROM push_message WHERE id = #{id}")
    String push(long id);
}
