package cn.cac.gzh.region;

/** Adding a county to the city (the city office's administrators): data, not a deployment. */
public interface CountyAdministration {

    /**
     * Adds a county of the city with its own name as its first dictionary word. {@code code} is the county's GB/T 2260
     * code, whose first four digits are the city's: 400 {@code COUNTY_CODE_INVALID} otherwise, 400 {@code
     * COUNTY_NAME_INVALID} for a name outside 2–16 characters, 409 {@code COUNTY_EXISTS} when it is already there.
     */
    County add(String code, String name);
}
