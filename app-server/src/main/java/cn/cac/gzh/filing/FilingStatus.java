package cn.cac.gzh.filing;

/** Where a filing stands. */
public enum FilingStatus {
    /** 草稿: saved, not yet handed in. */
    DRAFT("草稿"),
    /** 待审核 */
    SUBMITTED("待审核"),
    /** 已备案: has a filing number. */
    APPROVED("已备案"),
    /** 已退回: to be fixed and submitted again. */
    REJECTED("已退回"),
    /** 已撤销: the account was closed or the filing withdrawn. */
    REVOKED("已撤销");

    private final String label;

    FilingStatus(String label) {
        this.label = label;
    }

    /** The Chinese name users see. */
    public String label() {
        return label;
    }
}
