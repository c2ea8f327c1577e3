package cn.cac.gzh.region.internal;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

@TableName("region_county")
class CountyRow {

    @TableId(type = IdType.INPUT)
    private String code;
    private String name;
    private String province;
    private String city;

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getProvince() {
        return province;
    }

    public void setProvince(String province) {
        this.province = province;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }

    static cn.cac.gzh.region.County county(CountyRow row) {
        return new cn.cac.gzh.region.County(row.getCode(), row.getName(), row.getProvince(), row.getCity());
    }
}
