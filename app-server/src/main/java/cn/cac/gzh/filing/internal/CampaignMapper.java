package cn.cac.gzh.filing.internal;

import java.util.List;

import cn.cac.gzh.filing.Campaign;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

@Mapper
interface CampaignMapper {

    @Select("SELECT id, name, starts_on, ends_on FROM filing_campaign ORDER BY starts_on, id")
    List<Campaign> findAll();
}
