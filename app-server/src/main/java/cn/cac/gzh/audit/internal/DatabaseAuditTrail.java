package cn.cac.gzh.audit.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import cn.cac.gzh.audit.AuditEntry;
import cn.cac.gzh.audit.AuditTrail;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends to the hash chain. Joins the caller's transaction (so the entry commits or rolls back with the change it
 * describes) or opens its own. The chain head row is locked until that transaction ends: appends are a line across
 * threads and instances. Audit last in a transaction, so the head is held briefly.
 */
@Service
class DatabaseAuditTrail implements AuditTrail {

    private static final DateTimeFormatter STORED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private final AuditLogMapper log;
    private final AuditCounty counties;
    private final Clock clock;

    DatabaseAuditTrail(AuditLogMapper log, AuditCounty counties, Clock clock) {
        this.log = log;
        this.counties = counties;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void record(AuditEntry entry) {
        // before the head is locked (a read of the target), and outside the hash: see V24__audit_county.sql
        String county = counties.of(entry);
        AuditLogMapper.Head head = log.lockHead();
        long id = head.lastId() + 1;
        // DATETIME(3) keeps milliseconds: hash exactly what is stored. The time is sent as text, because a driver may
        // drop the fraction of a LocalDateTime parameter (Connector/J does against MariaDB) and the hash would differ.
        LocalDateTime at = LocalDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
        String hash = AuditChain.hash(head.lastHash(), id, at, entry.actorType(), entry.actorId(), entry.action(),
                entry.targetType(), entry.targetId(), entry.detail(), entry.clientIp());
        log.append(id, at.format(STORED), entry.actorType(), entry.actorId(), entry.action(), entry.targetType(),
                entry.targetId(), entry.detail(), entry.clientIp(), county, head.lastHash(), hash);
        log.moveHead(id, hash);
    }
}
