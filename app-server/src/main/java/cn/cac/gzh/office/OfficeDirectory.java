package cn.cac.gzh.office;

/** Read access to the offices' public information (also used by official-account replies). */
public interface OfficeDirectory {

    /**
     * The information operators of {@code regionCode} see: the county's own profile and contacts, or, when the county
     * has none, the city office's (a city's code gives the city office's).
     */
    OfficeProfile profile(String regionCode);

    /** The default county's ({@code REGION_COUNTY_CODE}): what the deployment showed before it served several. */
    OfficeProfile profile();
}
