package cn.cac.gzh.filing;

/** The kinds of unit the notice names for form 表一. */
public enum UnitType {
    TOWNSHIP("乡镇（办事处）"),
    ORGAN("机关"),
    ENTERPRISE("企业"),
    INSTITUTION("事业单位"),
    SOCIAL_GROUP("社会团体"),
    COMPANY("公司"),
    STATIONED_UNIT("驻县单位");

    private final String label;

    UnitType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
