package cn.cac.gzh.filing.internal;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

import cn.cac.gzh.filing.ActorType;
import cn.cac.gzh.filing.FilingStatus;
import cn.cac.gzh.filing.FilingStatusChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Stores each state change (who, when, from, to, why) and publishes it, inside the caller's transaction. */
@Component
class FilingTransitions {

    private static final Logger log = LoggerFactory.getLogger(FilingTransitions.class);

    private final TransitionMapper transitions;
    private final ApplicationEventPublisher events;

    FilingTransitions(TransitionMapper transitions, ApplicationEventPublisher events) {
        this.transitions = transitions;
        this.events = events;
    }

    void record(FilingRow filing, FilingStatus from, ActorType actorType, Long actorId, String reason, LocalDateTime at) {
        FilingStatus to = filing.getStatus();
        transitions.insert(filing.getId(), from, to, actorType, actorId, reason, at);
        long transitionId = transitions.lastInsertId();
        events.publishEvent(new FilingStatusChanged(filing.getId(), filing.getOperatorId(), from, to, actorType, actorId,
                reason, at.toInstant(ZoneOffset.UTC), transitionId));
        log.info("Filing status changed: filingId={} from={} to={} actorType={} actorId={}", filing.getId(), from, to,
                actorType, actorId);
    }
}
