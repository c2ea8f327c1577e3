package cn.cac.gzh.filing;

/** 订阅号 or 服务号. */
public enum AccountType {
    SUBSCRIPTION,
    SERVICE
}
