package cn.cac.gzh.filing;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Filings a reminder may be about, read by index ranges only (status with a date), keyset-paged by id:
 * a scan reads the candidates of its days, never the whole registry.
 */
public interface FilingDeadlines {

    /** Drafts and rejected filings due on one of {@code days}. */
    default List<ReminderCandidate> unfinishedDueOn(Collection<LocalDate> days, long afterId, int limit) {
        return unfinishedDueOn(days, null, afterId, limit);
    }

    /** Drafts and rejected filings of {@code countyCode} ({@code null}: of every county) due on one of {@code days}. */
    List<ReminderCandidate> unfinishedDueOn(Collection<LocalDate> days, String countyCode, long afterId, int limit);

    /**
     * Drafts and rejected filings opened on one of {@code days} whose deadline is the days-after-opening
     * rule's (not a campaign's end).
     */
    List<ReminderCandidate> unfinishedOpenedOn(Collection<LocalDate> days, long afterId, int limit);

    /** Filings in {@code status} whose last decision fell in [{@code from}, {@code to}) (UTC). */
    List<ReminderCandidate> decidedBetween(FilingStatus status, LocalDateTime from, LocalDateTime to, long afterId, int limit);

    /** One filing's facts for a notice about it. */
    Optional<ReminderCandidate> about(long filingId);

    /** The current status of each of these filings (missing ones are absent). */
    Map<Long, FilingStatus> statuses(Collection<Long> filingIds);
}
