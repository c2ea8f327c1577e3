package cn.cac.gzh.region;

/** The level-4 division types that occur in a county. */
public enum TownshipKind {
    /** 镇 */
    TOWN,
    /** 乡 */
    TOWNSHIP,
    /** 街道 (办事处) */
    SUBDISTRICT
}
