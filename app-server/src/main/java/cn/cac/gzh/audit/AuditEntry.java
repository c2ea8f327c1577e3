package cn.cac.gzh.audit;

/**
 * One audited act. {@code detail} must not contain ID numbers, phone numbers or tokens.
 *
 * @param actorType OPERATOR, STAFF or SYSTEM
 * @param clientIp  where the request came from, when there was one
 */
public record AuditEntry(String actorType, Long actorId, String action, String targetType, String targetId,
        String detail, String clientIp) {
}
