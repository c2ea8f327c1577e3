package cn.cac.gzh.region;

import java.util.List;

/** The counties this deployment serves (a city over its counties), as data. */
public interface RegionDirectory {

    /** Every county, by code. */
    List<County> counties();

    boolean hasCounty(String code);

    /** The county a filing belongs to when the operator names none: {@code REGION_COUNTY_CODE}. */
    String defaultCountyCode();

    /** The city over the counties (GB/T 2260: the default county's first four digits and 00). */
    default String cityCode() {
        return defaultCountyCode().substring(0, 4) + "00";
    }
}
