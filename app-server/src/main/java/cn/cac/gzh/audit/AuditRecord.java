package cn.cac.gzh.audit;

import java.time.OffsetDateTime;

/**
 * One line of the audit log, as the viewer shows it.
 *
 * @param countyCode the county the entry belongs to; null for a city-wide entry
 */
public record AuditRecord(long id, OffsetDateTime occurredAt, String actorType, Long actorId, String action,
        String targetType, String targetId, String detail, String clientIp, String countyCode) {
}
