package cn.cac.gzh.region;

/** GB/T 2260 administrative division codes, as far as the platform reads them. */
public final class RegionCodes {

    private RegionCodes() {
    }

    /** A city's (地级市) code ends in 00; a county's or district's does not. */
    public static boolean isCity(String code) {
        return code != null && code.endsWith("00");
    }

    /** The city over a county: its first four digits and 00 (411422 睢县 → 411400 商丘市). */
    public static String cityOf(String countyCode) {
        return countyCode.substring(0, 4) + "00";
    }
}
