package cn.cac.gzh.audit.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import cn.cac.gzh.audit.AuditLog;
import cn.cac.gzh.audit.AuditRecord;
import cn.cac.gzh.audit.internal.AuditLogMapper.Head;
import cn.cac.gzh.audit.internal.AuditLogMapper.Link;
import cn.cac.gzh.common.TimeConfiguration;
import cn.cac.gzh.common.Times;

import org.springframework.stereotype.Service;

@Service
class DatabaseAuditLog implements AuditLog {

    private static final int VERIFY_BATCH = 1000;

    private final AuditLogMapper log;

    DatabaseAuditLog(AuditLogMapper log) {
        this.log = log;
    }

    @Override
    public Page search(String actorType, Long actorId, String action, String targetType, String targetId, LocalDate from,
            LocalDate to, int page, int size) {
        int limit = Math.min(Math.max(size, 1), 100);
        int current = Math.max(page, 1);
        LocalDateTime fromAt = from == null ? null : utcStartOf(from);
        LocalDateTime toAt = to == null ? null : utcStartOf(to.plusDays(1));
        long total = log.count(given(actorType), actorId, given(action), given(targetType), given(targetId), fromAt, toAt);
        List<AuditRecord> items = log.page(given(actorType), actorId, given(action), given(targetType), given(targetId), fromAt,
                toAt, limit, (long) (current - 1) * limit).stream()
                .map(r -> new AuditRecord(r.id(), Times.display(r.occurredAt()), r.actorType(), r.actorId(), r.action(),
                        r.targetType(), r.targetId(), r.detail(), r.clientIp(), r.countyCode()))
                .toList();
        return new Page(items, total, current, limit);
    }

    @Override
    public ChainCheck verifyChain() {
        // entries appended while we walk are beyond this head and not part of this check
        Head head = log.head();
        String expectedPrev = AuditChain.GENESIS;
        long lastId = 0;
        long entries = 0;
        while (true) {
            List<Link> batch = log.links(lastId, head.lastId(), VERIFY_BATCH);
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
        return new ChainCheck(log.countUpTo(head.lastId()), false, id);
    }

    /** A blank filter means no filter. */
    private static String given(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static LocalDateTime utcStartOf(LocalDate day) {
        return day.atStartOfDay(TimeConfiguration.DISPLAY_ZONE).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }
}
