package cn.cac.gzh.account;

/** Whether an operator may hand us personal data now. */
public interface OperatorConsents {

    /**
     * Passes when the operator accepted the current privacy notice, including the separate consent
     * for sensitive personal information; otherwise throws an API error {@code CONSENT_REQUIRED} (403).
     */
    void requireCurrentConsent(long operatorId);
}
