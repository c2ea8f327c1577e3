package cn.cac.gzh.filing;

/** The kinds of unit the notice names for form 表一. */
public enum UnitType {
    /** 乡镇（办事处） */
    TOWNSHIP,
    /** 县直机关 */
    ORGAN,
    /** 企业 */
    ENTERPRISE,
    /** 事业单位 */
    INSTITUTION,
    /** 社会团体 */
    SOCIAL_GROUP,
    /** 公司 */
    COMPANY,
    /** 驻县单位 */
    STATIONED_UNIT
}
