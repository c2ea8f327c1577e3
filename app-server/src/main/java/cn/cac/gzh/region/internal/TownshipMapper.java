package cn.cac.gzh.region.internal;

import java.util.List;

import cn.cac.gzh.region.Township;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

@Mapper
interface TownshipMapper {

    @Select("SELECT id, name, kind FROM region_township WHERE county_code = #{countyCode} ORDER BY sort_order, id")
    List<Township> findByCounty(String countyCode);

    @Select("SELECT id FROM region_township WHERE county_code = #{countyCode} AND name = #{name}")
    Long idByName(String countyCode, String name);
}
