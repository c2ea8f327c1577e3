package cn.cac.gzh.region.internal;

import java.time.LocalDateTime;
import java.util.List;

import cn.cac.gzh.region.PlaceName;
import cn.cac.gzh.region.PlaceNameKind;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
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

    @Insert("""
            INSERT INTO region_place_name (county_code, term, kind, township_id, created_at, updated_at)
            VALUES (#{countyCode}, #{term}, #{kind}, #{townshipId,jdbcType=BIGINT}, #{at}, #{at})
            """)
    void insert(String countyCode, String term, PlaceNameKind kind, Long townshipId, LocalDateTime at);

    /** Every county's words, by county, longest first within each. */
    @Select("""
            SELECT p.county_code, p.term, p.kind, t.name AS township
            FROM region_place_name p LEFT JOIN region_township t ON t.id = p.township_id
            ORDER BY p.county_code, CHAR_LENGTH(p.term) DESC, p.term
            """)
    List<CountyPlaceName> findAll();

    /** Townships and words per county in one statement (both tables are keyed by county first). */
    @Select("""
            SELECT county_code AS countyCode, COUNT(CASE WHEN kind = 'T' THEN 1 END) AS townships,
                   COUNT(CASE WHEN kind = 'P' THEN 1 END) AS placeNames FROM (
              SELECT county_code, 'T' AS kind FROM region_township
              UNION ALL
              SELECT county_code, 'P' AS kind FROM region_place_name) entries
            GROUP BY county_code ORDER BY county_code
            """)
    List<CountySize> countByCounty();

    record CountySize(String countyCode, long townships, long placeNames) {
    }

    record CountyPlaceName(String countyCode, String term, PlaceNameKind kind, String township) {
    }

    /** 0 when the county has the word already (the import skips it). */
    @Insert("""
            INSERT IGNORE INTO region_place_name (county_code, term, kind, township_id, created_at, updated_at)
            VALUES (#{countyCode}, #{term}, #{kind}, #{townshipId,jdbcType=BIGINT}, #{at}, #{at})
            """)
    int insertIfAbsent(String countyCode, String term, PlaceNameKind kind, Long townshipId, LocalDateTime at);

    @Delete("DELETE FROM region_place_name WHERE county_code = #{countyCode} AND term = #{term}")
    int delete(String countyCode, String term);
}
