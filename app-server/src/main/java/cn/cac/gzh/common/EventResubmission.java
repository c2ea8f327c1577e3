package cn.cac.gzh.common;

import java.time.Duration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The outbox's second chance while running: an event whose listener failed (the database was busy,
 * a bug since fixed) is handed to its listener again once it is older than {@code events.resubmit-after}.
 * Restarts replay everything outstanding anyway ({@code republish-outstanding-events-on-restart}).
 * Listeners must be idempotent: a replay may meet a listener still at work on another instance.
 */
@Component
class EventResubmission {

    private static final Logger log = LoggerFactory.getLogger(EventResubmission.class);

    private final IncompleteEventPublications incomplete;
    private final Duration resubmitAfter;

    EventResubmission(IncompleteEventPublications incomplete, @Value("${events.resubmit-after:5m}") Duration resubmitAfter) {
        this.incomplete = incomplete;
        this.resubmitAfter = resubmitAfter;
    }

    @Scheduled(initialDelayString = "${events.resubmit-interval:5m}", fixedDelayString = "${events.resubmit-interval:5m}")
    @SchedulerLock(name = "event-resubmission", lockAtMostFor = "PT10M")
    public void resubmit() {
        log.debug("Resubmitting event publications older than {}", resubmitAfter);
        incomplete.resubmitIncompletePublicationsOlderThan(resubmitAfter);
    }
}
