package cn.cac.gzh.console;

/** What a staff member may do; a person may hold several. */
public enum StaffRole {
    /** 管理员: users, campaigns, place names, enforcement, exports, audit log. */
    ADMIN("管理员"),
    /** 审核员: review queue, decisions, paper receipt, materials. */
    REVIEWER("审核员"),
    /** 发布员: policy pushes. */
    PUBLISHER("发布员");

    private final String label;

    StaffRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
