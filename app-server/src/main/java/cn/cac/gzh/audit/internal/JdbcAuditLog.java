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
