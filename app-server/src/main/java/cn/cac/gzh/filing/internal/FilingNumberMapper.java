package cn.cac.gzh.filing.internal;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

@Mapper
interface FilingNumberMapper {

    /**
     * Advances the county's counter for the year. The upsert takes the row lock until the approving
     * transaction ends, and LAST_INSERT_ID(expr) hands the new value to this connection only, so
     * parallel approvals get distinct, gap-free numbers.
     */
    @Insert("""
            INSERT INTO filing_number_sequence (county_code, year, last_value)
            VALUES (#{countyCode}, #{year}, LAST_INSERT_ID(1))
            ON DUPLICATE KEY UPDATE last_value = LAST_INSERT_ID(last_value + 1)
            """)
    void advance(String countyCode, int year);

    @Select("SELECT LAST_INSERT_ID()")
    long lastValue();
}
