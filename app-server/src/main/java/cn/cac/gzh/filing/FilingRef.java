package cn.cac.gzh.filing;

/** What other modules need to know about a filing. */
public record FilingRef(long id, long operatorId, FormType formType, FilingStatus status) {
}
