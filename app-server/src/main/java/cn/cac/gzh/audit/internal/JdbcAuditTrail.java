package cn.cac.gzh.audit.internal;

import java.time.Clock;
import java.time.LocalDateTime;

import cn.cac.gzh.audit.AuditEntry;
import cn.cac.gzh.audit.AuditTrail;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

@Service
class JdbcAuditTrail implements AuditTrail {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    JdbcAuditTrail(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void record(AuditEntry entry) {
        jdbc.update("""
                INSERT INTO audit_log (occurred_at, actor_type, actor_id, action, target_type, target_id, detail, client_ip)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, LocalDateTime.now(clock), entry.actorType(), entry.actorId(), entry.action(), entry.targetType(),
                entry.targetId(), entry.detail(), entry.clientIp());
    }
}
