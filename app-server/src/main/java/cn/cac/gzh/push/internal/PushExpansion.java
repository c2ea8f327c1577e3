package cn.cac.gzh.push.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import cn.cac.gzh.common.db.RetryingTransactions;
import cn.cac.gzh.delivery.Deliveries;
import cn.cac.gzh.delivery.OutgoingMessage;
import cn.cac.gzh.filing.FilingAudience;
import cn.cac.gzh.filing.FilingStatus;
import cn.cac.gzh.filing.FormType;
import cn.cac.gzh.filing.RegistryQuery;
import cn.cac.gzh.officialaccount.FollowerDirectory;
import cn.cac.gzh.push.PushAudience;
import cn.cac.gzh.region.RegionCodes;
import cn.cac.gzh.push.PushStatus;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Turns due pushes into delivery rows, one batch of recipients per short transaction with the
 * cursor moved in the same transaction: the whole audience is never in memory, and a crash resumes
 * after the last batch written. Runs on one instance at a time (ShedLock).
 */
@Component
class PushExpansion {

    private static final Logger log = LoggerFactory.getLogger(PushExpansion.class);

    private final PushRows rows;
    private final Deliveries deliveries;
    private final FilingAudience filings;
    private final FollowerDirectory followers;
    private final RetryingTransactions transactions;
    private final PushProperties properties;
    private final Clock clock;

    PushExpansion(PushRows rows, Deliveries deliveries, FilingAudience filings, FollowerDirectory followers,
            RetryingTransactions transactions, PushProperties properties, Clock clock) {
        this.rows = rows;
        this.deliveries = deliveries;
        this.filings = filings;
        this.followers = followers;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** One run works at most this long, so a crashed instance's lock (lockAtMostFor) blocks the others briefly. */
    private static final Duration RUN_BUDGET = Duration.ofSeconds(10);

    @Scheduled(fixedDelayString = "${push.expansion-interval:1s}")
    @SchedulerLock(name = "push-expansion", lockAtMostFor = "PT20S")
    void run() {
        long deadline = System.nanoTime() + RUN_BUDGET.toNanos();
        for (long id : rows.dueForExpansion(LocalDateTime.now(clock))) {
            while (System.nanoTime() < deadline && transactions.execute("expandPush", () -> expandNextBatch(id))) {
                // next batch; the rest in the next run
            }
        }
        for (long id : rows.sendingAndExpanded()) {
            if (deliveries.finished(PushService.SOURCE, id)) {
                rows.markSent(id, LocalDateTime.now(clock));
                log.info("Push sent: pushId={}", id);
            }
        }
    }

    /** One batch; true while more recipients may follow. */
    boolean expandNextBatch(long id) {
        PushRows.Push push = rows.lock(id).orElse(null);
        if (push == null || push.expandedAt() != null
                || (push.status() != PushStatus.SCHEDULED && push.status() != PushStatus.SENDING)) {
            return false;
        }
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDateTime published = push.publishedAt() == null ? now : push.publishedAt();
        OutgoingMessage message = new OutgoingMessage(PushService.SOURCE, id, push.title(), push.summary(), published);
        int batch = properties.expansionBatch();
        String cursor;
        int count;
        if (push.audience().kind() == PushAudience.Kind.FOLLOWERS) {
            List<String> next = followers.followersAfter(push.expansionCursor() == null ? "" : push.expansionCursor(), batch);
            deliveries.enqueueToFollowers(message, next);
            cursor = next.isEmpty() ? push.expansionCursor() : next.get(next.size() - 1);
            count = next.size();
        } else {
            long after = push.expansionCursor() == null ? 0 : Long.parseLong(push.expansionCursor());
            List<Long> next = operatorsAfter(push.audience(), countiesOf(push), after, batch);
            deliveries.enqueueToOperators(message, next, push.channels());
            cursor = next.isEmpty() ? push.expansionCursor() : String.valueOf(next.get(next.size() - 1));
            count = next.size();
        }
        boolean done = count < batch;
        rows.expanded(id, published, cursor, count, done ? now : null, now);
        if (done) {
            log.info("Push expanded: pushId={} recipients={}", id, push.recipientCount() + count);
        }
        return !done;
    }

    private List<Long> operatorsAfter(PushAudience audience, Set<String> counties, long after, int limit) {
        return switch (audience.kind()) {
            case LISTED -> audience.operatorIds().stream().filter(op -> op > after).distinct().sorted().limit(limit).toList();
            case APPROVED -> filings.operatorsAfter(query(FilingStatus.APPROVED, null, null, null, counties), after, limit);
            case FILTERED -> filings.operatorsAfter(query(audience.status(), audience.township(), audience.formType(),
                    audience.overdue(), counties), after, limit);
            case FOLLOWERS -> throw new IllegalArgumentException("followers are not operators");
        };
    }

    private static RegistryQuery query(FilingStatus status, String township, FormType formType, Boolean overdue,
            Set<String> counties) {
        return new RegistryQuery(null, null, status, township, formType, null, null, null, overdue, null, counties, null, 1, 1);
    }

    /** A county office's push: its county; the city office's: the counties its audience names, or all. */
    private static Set<String> countiesOf(PushRows.Push push) {
        return RegionCodes.isCity(push.countyCode()) ? Set.copyOf(push.audience().counties()) : Set.of(push.countyCode());
    }
}
