package cn.cac.gzh.filing;

/** Who moved a filing. */
public enum ActorType {
    OPERATOR,
    STAFF,
    SYSTEM
}
