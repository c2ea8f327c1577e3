package cn.cac.gzh.filing;

import java.time.LocalDate;
import java.util.Set;

/**
 * A registry search. Every filter is optional. {@code text} is matched as a prefix against the one
 * column its shape names: {@code gh_…} the original ID, {@code 411422-…} the filing number, plain
 * ASCII the WeChat ID, anything else the account name; {@code subject} against the unit or person
 * name. One indexed column per filter keeps searches fast at a million rows (docs/performance.md).
 *
 * @param materialMismatch {@code true}: only filings whose materials' automatic check found a difference from the form
 * @param counties only filings of these counties (empty: every county the caller may see)
 * @param sort one of {@code createdAt, dueOn, accountName, filingNumber, submittedAt}, optionally prefixed with {@code -} for descending
 */
public record RegistryQuery(String text, String subject, FilingStatus status, String township, FormType formType, Long operatorId,
        LocalDate dueFrom, LocalDate dueTo, Boolean overdue, Boolean materialMismatch, Set<String> counties, String sort,
        int page, int size) {

    public RegistryQuery {
        counties = counties == null ? Set.of() : Set.copyOf(counties);
    }
}
