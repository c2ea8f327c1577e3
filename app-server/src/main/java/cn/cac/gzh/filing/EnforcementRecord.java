package cn.cac.gzh.filing;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One thing the office did about an overdue account. */
public record EnforcementRecord(long id, long filingId, EnforcementAction action, String actionLabel, LocalDate actedOn,
        String note, long staffId, OffsetDateTime recordedAt) {
}
