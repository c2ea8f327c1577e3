package cn.cac.gzh.material;

/** The documents of notice §3, as items of a checklist. */
public enum MaterialType {
    LICENCE("营业执照（统一社会信用代码证）或组织机构代码证"),
    RESPONSIBLE_ID_FRONT("单位负责人身份证（人像面）"),
    RESPONSIBLE_ID_BACK("单位负责人身份证（国徽面）"),
    ADMIN_ID_FRONT("公众号管理员身份证（人像面）"),
    ADMIN_ID_BACK("公众号管理员身份证（国徽面）"),
    PERSON_ID_FRONT("身份证（人像面）"),
    PERSON_ID_BACK("身份证（国徽面）"),
    SIGNED_UNIT_FORM("加盖公章并签字的表一扫描件"),
    SIGNED_INDIVIDUAL_FORM("本人签字的表二扫描件");

    private final String label;

    MaterialType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
