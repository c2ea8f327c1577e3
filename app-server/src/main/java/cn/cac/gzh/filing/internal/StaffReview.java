package cn.cac.gzh.filing.internal;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

import cn.cac.gzh.common.db.RetryTransientFailures;
import cn.cac.gzh.common.TimeConfiguration;
import cn.cac.gzh.common.DomainException;
import cn.cac.gzh.filing.ActorType;
import cn.cac.gzh.filing.FilingReview;
import cn.cac.gzh.filing.FilingStatus;
import cn.cac.gzh.filing.internal.FilingLifecycle.Action;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class StaffReview implements FilingReview {

    private final FilingStore store;
    private final FilingTransitions transitions;
    private final FilingNumberMapper numbers;

    StaffReview(FilingStore store, FilingTransitions transitions, FilingNumberMapper numbers) {
        this.store = store;
        this.transitions = transitions;
        this.numbers = numbers;
    }

    @Override
    @Transactional
    @RetryTransientFailures
    public String approve(long filingId, long staffId) {
        FilingRow row = store.require(filingId);
        FilingStatus from = row.getStatus();
        row.setStatus(FilingLifecycle.next(from, Action.APPROVE));
        LocalDateTime now = store.now();
        if (row.getFilingNumber() == null) {
            row.setFilingNumber(allocateNumber(row.getCountyCode(), now));
        }
        row.setDecidedAt(now);
        store.update(row);
        transitions.record(row, from, ActorType.STAFF, staffId, null, now);
        return row.getFilingNumber();
    }

    @Override
    @Transactional
    @RetryTransientFailures
    public void reject(long filingId, long staffId, String reason) {
        requireReason(reason);
        FilingRow row = store.require(filingId);
        FilingStatus from = row.getStatus();
        row.setStatus(FilingLifecycle.next(from, Action.REJECT));
        LocalDateTime now = store.now();
        row.setRejectionReason(reason.strip());
        row.setDecidedAt(now);
        store.update(row);
        transitions.record(row, from, ActorType.STAFF, staffId, reason.strip(), now);
    }

    @Override
    @Transactional
    @RetryTransientFailures
    public void revoke(long filingId, long staffId, String reason) {
        requireReason(reason);
        FilingRow row = store.require(filingId);
        FilingStatus from = row.getStatus();
        row.setStatus(FilingLifecycle.next(from, Action.REVOKE));
        row.setRevocationReason(reason.strip());
        store.update(row);
        transitions.record(row, from, ActorType.STAFF, staffId, reason.strip(), store.now());
    }

    /** {@code 411422-2026-00042}: the filing's county, year of approval (Beijing time), sequence within the year. */
    private String allocateNumber(String countyCode, LocalDateTime now) {
        int year = now.atOffset(ZoneOffset.UTC).atZoneSameInstant(TimeConfiguration.DISPLAY_ZONE).getYear();
        numbers.advance(countyCode, year);
        return "%s-%d-%05d".formatted(countyCode, year, numbers.lastValue());
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw DomainException.invalid("REASON_REQUIRED", "请填写原因");
        }
        if (reason.length() > 500) {
            throw DomainException.invalid("REASON_TOO_LONG", "原因不能超过500字");
        }
    }
}
