package cn.cac.gzh.filing;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A filing as a reviewer sees it: ID numbers and phones masked, with its history and enforcement record. */
public record StaffFilingView(long id, long operatorId, FilingStatus status, String statusLabel, int version,
        String filingNumber, LocalDate dueOn, boolean overdue, FilingForm form, String rejectionReason,
        String revocationReason, OffsetDateTime submittedAt, OffsetDateTime decidedAt, OffsetDateTime paperReceivedAt,
        List<Transition> history, List<EnforcementRecord> enforcement) {

    public record Transition(FilingStatus from, FilingStatus to, ActorType actorType, Long actorId, String reason,
            OffsetDateTime at) {
    }
}
