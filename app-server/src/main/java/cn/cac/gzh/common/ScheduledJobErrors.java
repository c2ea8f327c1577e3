package cn.cac.gzh.common;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.ErrorHandler;

/**
 * What a scheduled job's failure logs. While the database or Redis is down every job fails at each run
 * (every few seconds); that is an outage the health check already reports, so one WARN line each, no
 * stack trace. Anything else is a bug: ERROR with the stack trace. The job runs again at its next turn.
 */
final class ScheduledJobErrors implements ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ScheduledJobErrors.class);

    @Override
    public void handleError(Throwable failure) {
        if (Outages.databaseUnavailable(failure)) {
            log.warn("Scheduled job skipped, database unavailable: reason={}", Outages.rootMessage(failure));
        } else if (Outages.redisUnavailable(failure)) {
            log.warn("Scheduled job skipped, Redis unavailable: reason={}", Outages.rootMessage(failure));
        } else {
            log.error("Scheduled job failed", failure);
        }
    }
}
