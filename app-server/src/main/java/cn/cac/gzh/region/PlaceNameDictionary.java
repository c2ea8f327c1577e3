package cn.cac.gzh.region;

import java.util.List;

/** Read access to the configured county's place-name dictionary. */
public interface PlaceNameDictionary {

    /** The configured county; fails when the database has no such county. */
    County county();

    /** Townships in their official order. */
    List<Township> townships();

    /** Every dictionary word, longest first so that a matcher prefers 中原水城 to 水城. */
    List<PlaceName> placeNames();
}
