package cn.cac.gzh.region.internal;

import java.time.LocalDateTime;
import java.util.List;

import cn.cac.gzh.region.Township;
import cn.cac.gzh.region.TownshipKind;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

@Mapper
interface TownshipMapper {

    @Select("SELECT id, name, kind FROM region_township WHERE county_code = #{countyCode} ORDER BY sort_order, id")
    List<Township> findByCounty(String countyCode);

    @Select("SELECT id FROM region_township WHERE county_code = #{countyCode} AND name = #{name}")
    Long idByName(String countyCode, String name);

    /** A township after the county's last one; none when the county has it already (no locking read first). */
    @Insert("""
            INSERT IGNORE INTO region_township (county_code, name, kind, sort_order, created_at, updated_at)
            SELECT #{countyCode}, #{name}, #{kind}, COALESCE(MAX(sort_order), 0) + 1, #{at}, #{at}
            FROM region_township WHERE county_code = #{countyCode}
            """)
    int addIfAbsent(String countyCode, String name, TownshipKind kind, LocalDateTime at);
}
