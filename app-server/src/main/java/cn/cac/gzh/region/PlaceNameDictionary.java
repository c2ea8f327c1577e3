package cn.cac.gzh.region;

import java.util.List;
import java.util.Map;

/** Read access to the counties' place-name dictionaries (each county has its own). */
public interface PlaceNameDictionary {

    /** The county; 400 {@code COUNTY_UNKNOWN} when the deployment does not serve it. */
    County county(String countyCode);

    /** The county's townships in their official order. */
    List<Township> townships(String countyCode);

    /** Every word of the county's dictionary, longest first so that a matcher prefers 中原水城 to 水城. */
    List<PlaceName> placeNames(String countyCode);

    /** How many townships and words each county's dictionary holds, by county code (a county without either is absent). */
    Map<String, DictionarySize> sizes();

    /** The size of one county's dictionary. */
    record DictionarySize(int townships, int placeNames) {
    }

    /** Every county's words (longest first within a county), by county code in code order: one read for all. */
    Map<String, List<PlaceName>> placeNamesByCounty();
}
