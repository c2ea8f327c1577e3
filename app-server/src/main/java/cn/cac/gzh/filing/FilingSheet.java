package cn.cac.gzh.filing;

/**
 * A filing's full content for the printed form: ID numbers and phones are NOT masked. Only for
 * the filing's own operator and for authorised staff.
 */
public record FilingSheet(long id, FilingStatus status, String filingNumber, FilingForm form) {
}
