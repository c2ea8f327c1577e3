package cn.cac.gzh.office.internal;

import java.util.List;

import cn.cac.gzh.office.OfficeContact;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

@Mapper
interface OfficeMapper {

    record ProfileRow(String name, String address, String email, String instructions) {
    }

    @Select("SELECT name, address, email, instructions FROM office_profile WHERE id = 1")
    ProfileRow profile();

    @Select("SELECT name, phone, email FROM office_contact ORDER BY sort_order, id")
    List<OfficeContact> contacts();
}
