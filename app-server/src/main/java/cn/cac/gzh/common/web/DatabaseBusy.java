package cn.cac.gzh.common.web;

import cn.cac.gzh.common.Outages;
import cn.cac.gzh.common.db.TransientDatabaseFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The answer when the database stayed busy (deadlock, lock wait, no free connection) through every
 * retry, or could not be reached at all (restarting: the connection was lost or refused): 503 with a
 * stable code and {@code Retry-After}, logged as a WARN with the request id. Not a bug, so never
 * "Unhandled error". Only {@link TransientDatabaseFailures} are retried; a lost connection is not
 * (the statement may have run), it is only answered the same way.
 */
final class DatabaseBusy {

    static final String CODE = "DATABASE_BUSY";
    static final String MESSAGE = "当前办理人数较多，请稍后再试";
    static final String RETRY_AFTER_SECONDS = "2";

    private static final Logger log = LoggerFactory.getLogger(DatabaseBusy.class);

    private DatabaseBusy() {
    }

    /** Busy after the retries, or unreachable (connection lost or refused, e.g. while the database restarts). */
    static boolean applies(Throwable failure) {
        return Outages.databaseUnavailable(failure);
    }

    static ApiError body() {
        return new ApiError(CODE, MESSAGE);
    }

    static ResponseEntity<ApiError> answer(Throwable failure, String method, String path) {
        log(failure, method, path);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(body());
    }

    static void log(Throwable failure, String method, String path) {
        log.warn("Database busy after retries, answered 503 {}: requestId={} method={} path={} reason={}", CODE,
                MDC.get(RequestBoundaryFilter.MDC_KEY), method, path, Outages.rootMessage(failure));
    }
}
