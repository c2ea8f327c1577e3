package cn.cac.gzh.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The hash chain of {@code audit_log}: {@code entry_hash = SHA-256(prev_hash + canonical fields)}, hex, lower case. The
 * canonical form must stay byte for byte what V18__audit_chain.sql computes for the entries it chained.
 */
final class AuditChain {

    /** The {@code prev_hash} of the very first entry. */
    static final String GENESIS = "0".repeat(64);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private AuditChain() {
    }

    static String hash(String prevHash, long id, LocalDateTime occurredAt, String actorType, Long actorId, String action,
            String targetType, String targetId, String detail, String clientIp) {
        String canonical = prevHash + id + '|' + occurredAt.format(TIME) + '|' + text(actorType) + '|'
                + (actorId == null ? "-" : actorId.toString()) + '|' + text(action) + '|' + text(targetType) + '|'
                + text(targetId) + '|' + text(detail) + '|' + text(clientIp);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Length-prefixed (UTF-8 bytes), so no field can borrow from its neighbour; NULL differs from the empty text. */
    private static String text(String value) {
        return value == null ? "-" : value.getBytes(StandardCharsets.UTF_8).length + ":" + value;
    }
}
