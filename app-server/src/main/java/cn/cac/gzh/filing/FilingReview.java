package cn.cac.gzh.filing;

/**
 * The office's decisions on filings (the console calls these). Each throws an API error
 * {@code ILLEGAL_TRANSITION} (409) when the filing is not in a state that allows it, and
 * {@code FILING_NOT_FOUND} (404) for an unknown id.
 */
public interface FilingReview {

    /** SUBMITTED → APPROVED; allocates the filing number on the first approval and returns it. */
    String approve(long filingId, long staffId);

    /** SUBMITTED → REJECTED with the reason the operator will read. */
    void reject(long filingId, long staffId, String reason);

    /** Any → REVOKED (account closed, filing withdrawn). */
    void revoke(long filingId, long staffId, String reason);
}
