package cn.cac.gzh.filing;

import java.time.LocalDate;

/**
 * A registry search. Every filter is optional; {@code text} matches the start of the account name,
 * WeChat ID, original ID, unit or person name, or filing number (prefix search keeps it fast at a
 * million rows).
 *
 * @param sort one of {@code createdAt, dueOn, accountName, filingNumber, submittedAt}, optionally prefixed with {@code -} for descending
 */
public record RegistryQuery(String text, FilingStatus status, String township, FormType formType, Long operatorId,
        LocalDate dueFrom, LocalDate dueTo, Boolean overdue, String sort, int page, int size) {
}
