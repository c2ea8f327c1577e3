package cn.cac.gzh.office.internal;

import java.time.LocalDateTime;
import java.util.List;

import cn.cac.gzh.office.OfficeContact;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

@Mapper
interface OfficeMapper {

    record ProfileRow(String regionCode, String name, String address, String email, String instructions) {
    }

    @Select("SELECT region_code, name, address, email, instructions FROM office_profile WHERE region_code = #{regionCode}")
    ProfileRow profile(String regionCode);

    @Select("SELECT name, phone, email FROM office_contact WHERE region_code = #{regionCode} ORDER BY sort_order, id")
    List<OfficeContact> contacts(String regionCode);

    @Insert("""
            INSERT INTO office_profile (region_code, name, address, email, instructions, updated_at)
            VALUES (#{regionCode}, #{name}, #{address}, #{email}, #{instructions}, #{at})
            ON DUPLICATE KEY UPDATE name = VALUES(name), address = VALUES(address), email = VALUES(email),
                instructions = VALUES(instructions), updated_at = VALUES(updated_at)""")
    void upsertProfile(String regionCode, String name, String address, String email, String instructions, LocalDateTime at);

    @Delete("DELETE FROM office_contact WHERE region_code = #{regionCode}")
    void deleteContacts(String regionCode);

    @Insert("""
            INSERT INTO office_contact (region_code, name, phone, email, sort_order)
            VALUES (#{regionCode}, #{name}, #{phone}, #{email}, #{sortOrder})""")
    void insertContact(String regionCode, String name, String phone, String email, int sortOrder);
}
