package cn.cac.gzh.filing;

/** Which form of the notice's attachment is filled in. */
public enum FormType {
    /** 表一: townships, organs, enterprises, institutions, social groups, companies, stationed units. */
    UNIT,
    /** 表二: individuals and the self-employed. */
    INDIVIDUAL
}
