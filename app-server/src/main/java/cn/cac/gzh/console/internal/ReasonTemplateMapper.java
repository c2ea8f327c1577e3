package cn.cac.gzh.console.internal;

import java.util.List;

import cn.cac.gzh.console.internal.ReasonTemplates.ReasonTemplate;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

@Mapper
interface ReasonTemplateMapper {

    @Select("SELECT id, text FROM review_reason_template ORDER BY sort_order, id")
    List<ReasonTemplate> all();

    @Select("SELECT text FROM review_reason_template WHERE id = #{id}")
    String text(long id);
}
