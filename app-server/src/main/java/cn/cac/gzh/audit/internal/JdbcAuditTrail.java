package cn.cac.gzh.audit.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import cn.cac.gzh.audit.AuditEntry;
import cn.cac.gzh.audit.AuditTrail;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends to the hash chain. Joins the caller's transaction (so the entry commits or rolls back with the change it
 * describes) or opens its own. The chain head row is locked until that transaction ends: appends are a line across
 * threads and instances. Audit last in a transaction, so the head is held briefly.
 */
@Service
class JdbcAuditTrail implements AuditTrail {

    private static final DateTimeFormatter STORED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private final JdbcTemplate jdbc;
    private final Clock clock;

    JdbcAuditTrail(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private record Head(long lastId, String lastHash) {
    }

    @Override
    @Transactional
    public void record(AuditEntry entry) {
        Head head = jdbc.queryForObject("SELECT last_id, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE",
                (rs, n) -> new Head(rs.getLong(1), rs.getString(2)));
        long id = head.lastId() + 1;
        // DATETIME(3) keeps milliseconds: hash exactly what is stored. The time is sent as text, because a driver may
        // drop the fraction of a LocalDateTime parameter (Connector/J does against MariaDB) and the hash would differ.
        LocalDateTime at = LocalDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
        String hash = AuditChain.hash(head.lastHash(), id, at, entry.actorType(), entry.actorId(), entry.action(),
                entry.targetType(), entry.targetId(), entry.detail(), entry.clientIp());
        jdbc.update("""
                INSERT INTO audit_log (id, occurred_at, actor_type, actor_id, action, target_type, target_id, detail, client_ip,
                                       prev_hash, entry_hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, id, at.format(STORED), entry.actorType(), entry.actorId(), entry.action(), entry.targetType(), entry.targetId(),
                entry.detail(), entry.clientIp(), head.lastHash(), hash);
        jdbc.update("UPDATE audit_chain_head SET last_id = ?, last_hash = ? WHERE id = 1", id, hash);
    }
}
