package cn.cac.gzh.filing.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.Executors;

import cn.cac.gzh.common.DomainException;
import cn.cac.gzh.filing.Campaign;
import cn.cac.gzh.filing.CampaignAdministration;
import cn.cac.gzh.filing.FilingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

@Service
class CampaignAdmin implements CampaignAdministration, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CampaignAdmin.class);
    private static final int BATCH = 1000;

    private final CampaignMapper campaigns;
    private final DeadlineMapper deadlines;
    private final FilingProperties properties;
    private final Clock clock;
    /** One recomputation at a time; a newer change simply runs after. */
    private final java.util.concurrent.ExecutorService recompute = Executors.newSingleThreadExecutor(
            runnable -> new Thread(runnable, "due-date-recompute"));

    CampaignAdmin(CampaignMapper campaigns, DeadlineMapper deadlines, FilingProperties properties, Clock clock) {
        this.campaigns = campaigns;
        this.deadlines = deadlines;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Campaign create(String countyCode, String name, LocalDate startsOn, LocalDate endsOn) {
        requireDates(startsOn, endsOn);
        CampaignMapper.NewCampaign campaign = new CampaignMapper.NewCampaign();
        campaign.countyCode = countyCode;
        campaign.name = name.strip();
        campaign.startsOn = startsOn;
        campaign.endsOn = endsOn;
        campaign.at = LocalDateTime.now(clock);
        campaigns.insert(campaign);
        long id = campaign.id;
        recomputeLater();
        return new Campaign(id, countyCode, name.strip(), startsOn, endsOn);
    }

    @Override
    public Campaign update(long id, String name, LocalDate startsOn, LocalDate endsOn) {
        requireDates(startsOn, endsOn);
        int updated = campaigns.update(id, name.strip(), startsOn, endsOn, LocalDateTime.now(clock));
        if (updated == 0) {
            throw DomainException.notFound("CAMPAIGN_NOT_FOUND", "集中登记备案期不存在");
        }
        recomputeLater();
        return campaigns.find(id);
    }

    @Override
    public void delete(long id) {
        if (campaigns.delete(id) == 0) {
            throw DomainException.notFound("CAMPAIGN_NOT_FOUND", "集中登记备案期不存在");
        }
        recomputeLater();
    }

    /** After the change is committed (when there is a transaction), so the recomputation sees it. */
    private void recomputeLater() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    recompute.execute(CampaignAdmin.this::recomputeDueDates);
                }
            });
        } else {
            recompute.execute(this::recomputeDueDates);
        }
    }

    /** Keyset batches over all filings with an opening date, with the same rule as a save uses (its county's campaigns). */
    void recomputeDueDates() {
        List<Campaign> all = campaigns.findAll();
        long lastId = 0;
        int changed = 0;
        while (true) {
            List<DeadlineMapper.Opened> rows = deadlines.openedAfter(lastId, BATCH);
            if (rows.isEmpty()) {
                break;
            }
            for (DeadlineMapper.Opened row : rows) {
                List<Campaign> ofCounty = all.stream().filter(c -> c.appliesTo(row.countyCode())).toList();
                LocalDate due = DeadlineCalculator.dueOn(ofCounty, row.openedOn(), properties.daysAfterOpening());
                if (!due.equals(row.dueOn())) {
                    deadlines.setDueOn(row.id(), due);
                    changed++;
                }
            }
            lastId = rows.get(rows.size() - 1).id();
        }
        log.info("Due dates recomputed after a campaign change: changed={}", changed);
    }

    private static void requireDates(LocalDate startsOn, LocalDate endsOn) {
        if (endsOn.isBefore(startsOn)) {
            throw DomainException.invalid("CAMPAIGN_DATES_INVALID", "结束日期不能早于开始日期");
        }
    }

    @Override
    public void destroy() {
        recompute.shutdown();
    }

}
