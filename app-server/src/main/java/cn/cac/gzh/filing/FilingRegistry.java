package cn.cac.gzh.filing;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The office's view of all filings (the console calls these). */
public interface FilingRegistry {

    RegistryPage search(RegistryQuery query);

    Optional<StaffFilingView> detail(long filingId);

    /** {@link #detail}, or 404 {@code FILING_NOT_FOUND}. */
    default StaffFilingView requireDetail(long filingId) {
        return detail(filingId).orElseThrow(FilingErrors::notFound);
    }

    RegistryStats stats();

    /** Notice §3.3: the stamped paper copy arrived. Idempotent. Throws 404 {@code FILING_NOT_FOUND}. */
    void markPaperReceived(long filingId, long staffId);

    /** Notice §4.3: records an action taken about an account. Throws 404 {@code FILING_NOT_FOUND}. */
    EnforcementRecord recordEnforcement(long filingId, EnforcementAction action, LocalDate actedOn, String note, long staffId);

    /** Throws 404 {@code FILING_NOT_FOUND}. */
    List<EnforcementRecord> enforcementOf(long filingId);
}
