package cn.cac.gzh.filing;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * What a reminder about one filing needs to say (no personal data beyond the account's name).
 *
 * @param decidedAt  UTC, the last review decision (rejection or approval)
 * @param countyCode the filing's county: its reminders follow that county's rules
 */
public record ReminderCandidate(long filingId, long operatorId, FilingStatus status, String accountName, LocalDate openedOn,
        LocalDate dueOn, LocalDateTime decidedAt, String rejectionReason, String filingNumber,
        String countyCode) {
}
