package cn.cac.gzh.region.internal;

import java.util.List;

import cn.cac.gzh.region.PlaceName;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

@Mapper
interface PlaceNameMapper {

    @Select("""
            SELECT p.term, p.kind, t.name AS township
            FROM region_place_name p LEFT JOIN region_township t ON t.id = p.township_id
            WHERE p.county_code = #{countyCode}
            ORDER BY CHAR_LENGTH(p.term) DESC, p.term
            """)
    List<PlaceName> findByCounty(String countyCode);
}
