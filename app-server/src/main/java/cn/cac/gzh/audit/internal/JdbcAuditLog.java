package cn.cac.gzh.audit.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import cn.cac.gzh.audit.AuditLog;
import cn.cac.gzh.audit.AuditRecord;
import cn.cac.gzh.common.TimeConfiguration;
import cn.cac.gzh.common.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

@Service
class JdbcAuditLog implements AuditLog {

    private final JdbcClient jdbc;

    JdbcAuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Row(long id, LocalDateTime occurredAt, String actorType, Long actorId, String action, String targetType,
            String targetId, String detail, String clientIp) {
    }

    @Override
    public Page search(String actorType, Long actorId, String action, String targetType, String targetId, LocalDate from,
            LocalDate to, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        condition(where, params, "actor_type = ?", actorType);
        condition(where, params, "actor_id = ?", actorId);
        condition(where, params, "action = ?", action);
        condition(where, params, "target_type = ?", targetType);
        condition(where, params, "target_id = ?", targetId);
        condition(where, params, "occurred_at >= ?", from == null ? null : utcStartOf(from));
        condition(where, params, "occurred_at < ?", to == null ? null : utcStartOf(to.plusDays(1)));
        int limit = Math.min(Math.max(size, 1), 100);
        int current = Math.max(page, 1);
        long total = jdbc.sql("SELECT COUNT(*) FROM audit_log" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(limit);
        pageParams.add((long) (current - 1) * limit);
        List<AuditRecord> items = jdbc.sql("SELECT * FROM audit_log" + where + " ORDER BY id DESC LIMIT ? OFFSET ?")
                .params(pageParams).query(Row.class).list().stream()
                .map(r -> new AuditRecord(r.id(), Times.display(r.occurredAt()), r.actorType(), r.actorId(), r.action(),
                        r.targetType(), r.targetId(), r.detail(), r.clientIp()))
                .toList();
        return new Page(items, total, current, limit);
    }

    private static final int VERIFY_BATCH = 1000;

    private record Head(long lastId, String lastHash) {
    }

    private record Link(long id, LocalDateTime occurredAt, String actorType, Long actorId, String action, String targetType,
            String targetId, String detail, String clientIp, String prevHash, String entryHash) {
    }

    @Override
    public ChainCheck verifyChain() {
        // entries appended while we walk are beyond this head and not part of this check
        Head head = jdbc.sql("SELECT last_id, last_hash FROM audit_chain_head WHERE id = 1").query(Head.class).single();
        String expectedPrev = AuditChain.GENESIS;
        long lastId = 0;
        long entries = 0;
        while (true) {
            List<Link> batch = jdbc.sql("""
                    SELECT id, occurred_at, actor_type, actor_id, action, target_type, target_id, detail, client_ip, prev_hash, entry_hash
                    FROM audit_log WHERE id > ? AND id <= ? ORDER BY id LIMIT ?""")
                    .params(lastId, head.lastId(), VERIFY_BATCH).query(Link.class).list();
            for (Link link : batch) {
                String hash = AuditChain.hash(expectedPrev, link.id(), link.occurredAt(), link.actorType(), link.actorId(),
                        link.action(), link.targetType(), link.targetId(), link.detail(), link.clientIp());
                if (!expectedPrev.equals(link.prevHash()) || !hash.equals(link.entryHash())) {
                    return broken(head, link.id());
                }
                expectedPrev = hash;
                lastId = link.id();
                entries++;
            }
            if (batch.size() < VERIFY_BATCH) {
                break;
            }
        }
        if (lastId != head.lastId() || !expectedPrev.equals(head.lastHash())) {
            // the newest entries were removed (or the head was moved)
            return broken(head, head.lastId());
        }
        return new ChainCheck(entries, true, null);
    }

    private ChainCheck broken(Head head, long id) {
        long entries = jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE id <= ?").param(head.lastId()).query(Long.class).single();
        return new ChainCheck(entries, false, id);
    }

    private static void condition(StringBuilder where, List<Object> params, String sql, Object value) {
        if (value != null && !(value instanceof String text && text.isBlank())) {
            where.append(" AND ").append(sql);
            params.add(value);
        }
    }

    private static LocalDateTime utcStartOf(LocalDate day) {
        return day.atStartOfDay(TimeConfiguration.DISPLAY_ZONE).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }
}
