package cn.cac.gzh.region;

import java.util.List;
import java.util.Optional;

import cn.cac.gzh.common.DomainException;

/** The counties this deployment serves (a city over its counties), as data. */
public interface RegionDirectory {

    /** Every county, by code. */
    List<County> counties();

    boolean hasCounty(String code);

    /** {@link #hasCounty}, or 400 {@code COUNTY_UNKNOWN}. */
    default void requireCounty(String code) {
        if (!hasCounty(code)) {
            throw DomainException.invalid("COUNTY_UNKNOWN", "所选县（区）不在本平台服务范围内");
        }
    }

    /** The name of a county or of the city (商丘市), as the console shows an office's scope. */
    Optional<String> nameOf(String code);

    /** The county a filing belongs to when the operator names none: {@code REGION_COUNTY_CODE}. */
    String defaultCountyCode();

    /** The city over the counties (GB/T 2260: the default county's first four digits and 00). */
    default String cityCode() {
        return RegionCodes.cityOf(defaultCountyCode());
    }
}
