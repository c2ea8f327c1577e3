package cn.cac.gzh.audit;

import java.time.LocalDate;
import java.util.List;

/** Reading the audit trail (administrators only). */
public interface AuditLog {

    /**
     * Newest first. Every filter is optional; {@code from}/{@code to} are Beijing calendar days, inclusive.
     */
    Page search(String actorType, Long actorId, String action, String targetType, String targetId, LocalDate from,
            LocalDate to, int page, int size);

    record Page(List<AuditRecord> items, long total, int page, int size) {
    }
}
