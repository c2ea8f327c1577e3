package cn.cac.gzh.filing;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/** Read access to filings for other modules. */
public interface FilingLookup {

    /** The filing if it belongs to the operator; otherwise empty, exactly as if it did not exist. */
    Optional<FilingRef> findOwned(long filingId, long operatorId);

    /** {@link #findOwned}, or 404 {@code FILING_NOT_FOUND}. */
    default FilingRef requireOwned(long filingId, long operatorId) {
        return findOwned(filingId, operatorId).orElseThrow(FilingErrors::notFound);
    }

    /**
     * {@link #requireOwned} inside the caller's transaction, holding the filing's row lock until it
     * ends: changes to one filing's parts (e.g. its materials) then happen one after another and see
     * the filing's status as it is, not as it was before a concurrent submission.
     */
    FilingRef lockOwned(long filingId, long operatorId);

    Optional<FilingRef> find(long filingId);

    /** The county of the operator's latest filing (the office they deal with), if they have one. */
    Optional<String> countyOfOperator(long operatorId);

    /** The full, unmasked content (for the printed form). */
    Optional<FilingSheet> sheet(long filingId);

    /** Filings revoked (and not touched since) before {@code cutoff} (UTC), for retention. */
    List<Long> revokedBefore(LocalDateTime cutoff);

    /** Drafts nobody has touched since before {@code cutoff} (UTC), for retention. */
    List<Long> abandonedDraftsBefore(LocalDateTime cutoff);
}
