package cn.cac.gzh.delivery;

/** The WeChat channels besides the inbox, which every message gets. */
public enum Channel {
    /** Mini-program subscribe message: needs an unused opt-in of the operator for the template. */
    SUBSCRIBE("订阅消息"),
    /** Official-account template message: needs the operator to follow the account. */
    TEMPLATE("模板消息");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
