package cn.cac.gzh.filing.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.cac.gzh.filing.FilingDeadlines;
import cn.cac.gzh.filing.FilingProperties;
import cn.cac.gzh.filing.FilingStatus;
import cn.cac.gzh.filing.ReminderCandidate;

import org.springframework.stereotype.Service;

/** Approved filings are never read unless a query asks for them by day (see {@link DeadlineMapper} for the indexes). */
@Service
class DeadlineQueries implements FilingDeadlines {

    private final DeadlineMapper deadlines;
    private final FilingProperties properties;

    DeadlineQueries(DeadlineMapper deadlines, FilingProperties properties) {
        this.deadlines = deadlines;
        this.properties = properties;
    }

    @Override
    public List<ReminderCandidate> unfinishedDueOn(Collection<LocalDate> days, String countyCode, long afterId, int limit) {
        if (days.isEmpty()) {
            return List.of();
        }
        return deadlines.unfinishedDueOn(days, countyCode, afterId, limit);
    }

    @Override
    public List<ReminderCandidate> unfinishedOpenedOn(Collection<LocalDate> days, long afterId, int limit) {
        if (days.isEmpty()) {
            return List.of();
        }
        return deadlines.unfinishedOpenedOn(days, afterId, properties.daysAfterOpening(), limit);
    }

    @Override
    public List<ReminderCandidate> decidedBetween(FilingStatus status, LocalDateTime from, LocalDateTime to, long afterId,
            int limit) {
        return deadlines.decidedBetween(status, from, to, afterId, limit);
    }

    @Override
    public Optional<ReminderCandidate> about(long filingId) {
        return Optional.ofNullable(deadlines.about(filingId));
    }

    @Override
    public Map<Long, FilingStatus> statuses(Collection<Long> filingIds) {
        Map<Long, FilingStatus> result = new HashMap<>();
        if (filingIds.isEmpty()) {
            return result;
        }
        for (DeadlineMapper.Status row : deadlines.statuses(filingIds)) {
            result.put(row.id(), row.status());
        }
        return result;
    }
}
