package cn.cac.gzh.filing.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;

import cn.cac.gzh.common.DomainException;
import cn.cac.gzh.filing.Campaign;
import cn.cac.gzh.filing.CampaignAdministration;
import cn.cac.gzh.filing.FilingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

@Service
class CampaignAdmin implements CampaignAdministration, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CampaignAdmin.class);
    private static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final CampaignMapper campaigns;
    private final FilingProperties properties;
    private final Clock clock;
    /** One recomputation at a time; a newer change simply runs after. */
    private final java.util.concurrent.ExecutorService recompute = Executors.newSingleThreadExecutor(
            runnable -> new Thread(runnable, "due-date-recompute"));

    CampaignAdmin(JdbcClient jdbc, CampaignMapper campaigns, FilingProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Campaign create(String name, LocalDate startsOn, LocalDate endsOn) {
        requireDates(startsOn, endsOn);
        LocalDateTime now = LocalDateTime.now(clock);
        // the generated key of this very insert: two campaigns created at once under one name keep their own ids
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO filing_campaign (name, starts_on, ends_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?)")
                .params(name.strip(), startsOn, endsOn, now, now).update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        recomputeLater();
        return new Campaign(id, name.strip(), startsOn, endsOn);
    }

    @Override
    public Campaign update(long id, String name, LocalDate startsOn, LocalDate endsOn) {
        requireDates(startsOn, endsOn);
        int updated = jdbc.sql("UPDATE filing_campaign SET name = ?, starts_on = ?, ends_on = ?, updated_at = ? WHERE id = ?")
                .params(name.strip(), startsOn, endsOn, LocalDateTime.now(clock), id).update();
        if (updated == 0) {
            throw DomainException.notFound("CAMPAIGN_NOT_FOUND", "集中登记备案期不存在");
        }
        recomputeLater();
        return new Campaign(id, name.strip(), startsOn, endsOn);
    }

    @Override
    public void delete(long id) {
        if (jdbc.sql("DELETE FROM filing_campaign WHERE id = ?").param(id).update() == 0) {
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

    /** Keyset batches over all filings with an opening date, with the same rule as a save uses. */
    void recomputeDueDates() {
        List<Campaign> all = campaigns.findAll();
        long lastId = 0;
        int changed = 0;
        while (true) {
            record Opened(long id, LocalDate openedOn, LocalDate dueOn) {
            }
            List<Opened> rows = jdbc.sql("SELECT id, opened_on, due_on FROM filing WHERE id > ? AND opened_on IS NOT NULL ORDER BY id LIMIT ?")
                    .params(lastId, BATCH).query(Opened.class).list();
            if (rows.isEmpty()) {
                break;
            }
            List<Object[]> updates = new ArrayList<>();
            for (Opened row : rows) {
                LocalDate due = DeadlineCalculator.dueOn(all, row.openedOn(), properties.daysAfterOpening());
                if (!due.equals(row.dueOn())) {
                    updates.add(new Object[] {due, row.id()});
                }
            }
            for (Object[] update : updates) {
                jdbc.sql("UPDATE filing SET due_on = ? WHERE id = ?").params(update).update();
            }
            changed += updates.size();
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
