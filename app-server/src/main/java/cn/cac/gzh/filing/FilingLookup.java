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

    Optional<FilingRef> find(long filingId);

    /** The full, unmasked content (for the printed form). */
    Optional<FilingSheet> sheet(long filingId);

    /** Filings revoked (and not touched since) before {@code cutoff} (UTC), for retention. */
    List<Long> revokedBefore(LocalDateTime cutoff);

    /** Drafts nobody has touched since before {@code cutoff} (UTC), for retention. */
    List<Long> abandonedDraftsBefore(LocalDateTime cutoff);
}
