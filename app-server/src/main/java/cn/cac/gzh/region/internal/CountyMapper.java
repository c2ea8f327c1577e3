package cn.cac.gzh.region.internal;

import java.time.LocalDateTime;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

@Mapper
interface CountyMapper extends BaseMapper<CountyRow> {

    record CityRow(String code, String name, String province) {
    }

    @Select("SELECT code, name, province FROM region_city WHERE code = #{code}")
    CityRow city(String code);

    @Insert("""
            INSERT INTO region_county (code, city_code, name, province, city, created_at, updated_at)
            VALUES (#{code}, #{city.code}, #{name}, #{city.province}, #{city.name}, #{at}, #{at})
            """)
    void add(String code, String name, CityRow city, LocalDateTime at);
}
