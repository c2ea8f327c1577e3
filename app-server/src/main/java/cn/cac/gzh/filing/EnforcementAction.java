package cn.cac.gzh.filing;

/** Notice §4.3: what the office does about an account that files late or not at all. */
public enum EnforcementAction {
    PHONE_URGED("电话督促"),
    WRITTEN_NOTICE("书面通知"),
    REPORTED_TO_PLATFORM("报请平台暂停"),
    SUSPENDED("已暂停"),
    CLOSED("已永久关闭"),
    REFERRED_TO_POLICE("移交公安机关");

    private final String label;

    EnforcementAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
