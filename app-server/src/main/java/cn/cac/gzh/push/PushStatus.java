package cn.cac.gzh.push;

public enum PushStatus {
    DRAFT("草稿"),
    AWAITING_APPROVAL("待复核"),
    SCHEDULED("待发送"),
    SENDING("发送中"),
    SENT("已发送"),
    CANCELLED("已取消");

    private final String label;

    PushStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
