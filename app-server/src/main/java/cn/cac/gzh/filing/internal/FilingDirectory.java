package cn.cac.gzh.filing.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import cn.cac.gzh.common.Times;
import cn.cac.gzh.filing.FilingAudience;
import cn.cac.gzh.filing.FilingErrors;
import cn.cac.gzh.filing.FilingLookup;
import cn.cac.gzh.filing.FilingRef;
import cn.cac.gzh.filing.FilingSheet;
import cn.cac.gzh.filing.RegistryQuery;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;

@Service
class FilingDirectory implements FilingLookup, FilingAudience {

    private final FilingMapper filings;
    private final RetentionMapper retention;
    private final FilingViews views;
    private final Clock clock;

    FilingDirectory(FilingMapper filings, RetentionMapper retention, FilingViews views, Clock clock) {
        this.filings = filings;
        this.retention = retention;
        this.views = views;
        this.clock = clock;
    }

    @Override
    public Optional<String> countyOfOperator(long operatorId) {
        return Optional.ofNullable(filings.latestCountyOf(operatorId));
    }

    @Override
    public Optional<FilingRef> findOwned(long filingId, long operatorId) {
        return Optional.ofNullable(filings.findOwned(filingId, operatorId)).map(FilingDirectory::ref);
    }

    @Override
    public List<Long> operatorsAfter(RegistryQuery filter, long afterOperatorId, int limit) {
        var where = RegistryFilters.where(filter, Times.today(clock));
        where.select("DISTINCT operator_id").gt("operator_id", afterOperatorId).orderByAsc("operator_id")
                .last("LIMIT " + Math.max(1, Math.min(limit, 5000)));
        return filings.selectObjs(where).stream().map(id -> ((Number) id).longValue()).toList();
    }

    @Override
    public FilingRef lockOwned(long filingId, long operatorId) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("lockOwned needs the caller's transaction");
        }
        return Optional.ofNullable(filings.lockOwned(filingId, operatorId)).map(FilingDirectory::ref)
                .orElseThrow(FilingErrors::notFound);
    }

    @Override
    public Optional<FilingRef> find(long filingId) {
        return Optional.ofNullable(filings.selectById(filingId)).map(FilingDirectory::ref);
    }

    @Override
    public Optional<FilingSheet> sheet(long filingId) {
        return Optional.ofNullable(filings.selectById(filingId)).map(row -> new FilingSheet(row.getId(), row.getStatus(),
                row.getFilingNumber(), views.unmaskedForm(row)));
    }

    @Override
    public List<Long> revokedBefore(LocalDateTime cutoff) {
        return retention.idsInStatusUntouchedSince("REVOKED", cutoff);
    }

    @Override
    public List<Long> abandonedDraftsBefore(LocalDateTime cutoff) {
        return retention.idsInStatusUntouchedSince("DRAFT", cutoff);
    }

    private static FilingRef ref(FilingRow row) {
        return new FilingRef(row.getId(), row.getOperatorId(), row.getFormType(), row.getStatus());
    }

    @Mapper
    interface RetentionMapper {

        @Select("SELECT id FROM filing WHERE status = #{status} AND updated_at < #{cutoff} ORDER BY id LIMIT 1000")
        List<Long> idsInStatusUntouchedSince(String status, LocalDateTime cutoff);
    }
}
