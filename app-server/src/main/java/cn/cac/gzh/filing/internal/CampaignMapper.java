package cn.cac.gzh.filing.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import cn.cac.gzh.filing.Campaign;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface CampaignMapper {

    String COLUMNS = "SELECT id, county_code, name, starts_on, ends_on FROM filing_campaign";

    @Select(COLUMNS + " ORDER BY starts_on, id")
    List<Campaign> findAll();

    /** The city-wide campaigns and the county's own. */
    @Select(COLUMNS + " WHERE county_code IS NULL OR county_code = #{countyCode} ORDER BY starts_on, id")
    List<Campaign> ofCounty(String countyCode);

    @Select(COLUMNS + " WHERE id = #{id}")
    Campaign find(long id);

    /** The generated key of this very insert: two campaigns created at once under one name keep their own ids. */
    @Insert("""
            INSERT INTO filing_campaign (county_code, name, starts_on, ends_on, created_at, updated_at)
            VALUES (#{countyCode}, #{name}, #{startsOn}, #{endsOn}, #{at}, #{at})
            """)
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    void insert(NewCampaign campaign);

    @Update("UPDATE filing_campaign SET name = #{name}, starts_on = #{startsOn}, ends_on = #{endsOn}, updated_at = #{at} WHERE id = #{id}")
    int update(long id, String name, LocalDate startsOn, LocalDate endsOn, LocalDateTime at);

    @Delete("DELETE FROM filing_campaign WHERE id = #{id}")
    int delete(long id);

    /** Mutable so MyBatis can hand back the generated id. */
    final class NewCampaign {
        public Long id;
        public String countyCode;
        public String name;
        public LocalDate startsOn;
        public LocalDate endsOn;
        public LocalDateTime at;
    }
}
