package cn.cac.gzh.filing;

/** 订阅号 or 服务号. */
public enum AccountType {
    SUBSCRIPTION("订阅号"),
    SERVICE("服务号");

    private final String label;

    AccountType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
