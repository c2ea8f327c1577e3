package cn.cac.gzh.filing.internal;

import java.time.Clock;
import java.time.LocalDateTime;

import cn.cac.gzh.common.DomainException;
import cn.cac.gzh.filing.FilingErrors;
import cn.cac.gzh.filing.FilingProperties;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Saving filings: optimistic locking, the one-account-one-filing rule and the due date, shared by
 * the operator and staff paths.
 */
@Component
class FilingStore {

    private final FilingMapper filings;
    private final CampaignMapper campaigns;
    private final FilingProperties properties;
    private final Clock clock;

    FilingStore(FilingMapper filings, CampaignMapper campaigns, FilingProperties properties, Clock clock) {
        this.filings = filings;
        this.campaigns = campaigns;
        this.properties = properties;
        this.clock = clock;
    }

    LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    FilingRow requireOwned(long id, long operatorId) {
        FilingRow row = filings.findOwned(id, operatorId);
        if (row == null) {
            throw FilingErrors.notFound();
        }
        return row;
    }

    FilingRow require(long id) {
        FilingRow row = filings.selectById(id);
        if (row == null) {
            throw FilingErrors.notFound();
        }
        return row;
    }

    /** The client edited what it last read: a different version means someone else saved in between. */
    static void requireVersion(FilingRow row, int expectedVersion) {
        if (row.getVersion() != expectedVersion) {
            throw versionConflict();
        }
    }

    void insert(FilingRow row) {
        refreshDueDate(row);
        requireAccountFree(row);
        try {
            filings.insert(row);
        } catch (DuplicateKeyException e) {
            throw accountTaken(row, e);
        }
    }

    void update(FilingRow row) {
        refreshDueDate(row);
        requireAccountFree(row);
        row.setUpdatedAt(now());
        int updated;
        try {
            updated = filings.updateById(row);
        } catch (DuplicateKeyException e) {
            throw accountTaken(row, e);
        }
        if (updated == 0) {
            throw versionConflict();
        }
    }

    private void refreshDueDate(FilingRow row) {
        row.setDueOn(DeadlineCalculator.dueOn(campaigns.ofCounty(row.getCountyCode()), row.getOpenedOn(), properties.daysAfterOpening()));
    }

    /** A friendly answer in the common case; the unique keys still decide under concurrency. */
    private void requireAccountFree(FilingRow row) {
        Long holder = filings.findHolderOfAccount(row.getAccountOriginalId(), row.getAccountWechatId(),
                row.getId() == null ? -1 : row.getId());
        if (holder != null) {
            throw holder.equals(row.getOperatorId()) ? alreadyYours() : takenByOther();
        }
    }

    private RuntimeException accountTaken(FilingRow row, DuplicateKeyException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains("uk_filing_original_id") || message.contains("uk_filing_wechat_id")) {
            Long holder = filings.findHolderOfAccount(row.getAccountOriginalId(), row.getAccountWechatId(),
                    row.getId() == null ? -1 : row.getId());
            return row.getOperatorId().equals(holder) ? alreadyYours() : takenByOther();
        }
        throw e;
    }

    static DomainException versionConflict() {
        return DomainException.conflict("VERSION_CONFLICT", "备案已被修改，请刷新后重试");
    }

    private static DomainException alreadyYours() {
        return DomainException.conflict("ACCOUNT_ALREADY_FILED_BY_YOU", "您已登记过该公众号，请在“我的备案”中查看");
    }

    private static DomainException takenByOther() {
        return DomainException.conflict("ACCOUNT_ALREADY_FILED",
                "该公众号（原始ID或微信号）已由其他运营者登记备案。如有疑问，请联系县委网信办");
    }
}
