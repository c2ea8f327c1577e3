package cn.cac.gzh.common.web;

import java.util.Optional;
import java.util.function.Predicate;

import cn.cac.gzh.common.Outages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The answer when a service we depend on is down or busy: 503 with a stable code, a Chinese message and
 * {@code Retry-After}, logged as one WARN line with the request id. Not a bug, so never "Unhandled error".
 * Used by {@link ApiExceptionHandler} and, for failures before Spring MVC (sessions, bearer tokens), by
 * {@link RequestBoundaryFilter}.
 */
enum OutageAnswer {

    /**
     * Redis, where sign-ins live (mini-program login's WeChat token lock, console sessions). Checked first:
     * a Redis command time-out arrives as the same {@code QueryTimeoutException} as a database one, and
     * "many people are filing" would be wrong.
     */
    SESSION_STORE("SESSION_STORE_UNAVAILABLE", "登录服务暂时不可用，请稍后再试", 5, "Redis unavailable",
            Outages::redisUnavailable),

    /**
     * The database stayed busy (deadlock, lock wait, no free connection) through every retry, or could not be
     * reached (restarting: the connection was lost or refused). Only transient failures are retried; a lost
     * connection is not (the statement may have run), it is only answered the same way.
     */
    DATABASE("DATABASE_BUSY", "当前办理人数较多，请稍后再试", 2, "Database busy after retries", Outages::databaseUnavailable);

    private static final Logger log = LoggerFactory.getLogger(OutageAnswer.class);

    private final String code;
    private final String message;
    private final long retryAfterSeconds;
    private final String logLabel;
    private final Predicate<Throwable> recognises;

    OutageAnswer(String code, String message, long retryAfterSeconds, String logLabel, Predicate<Throwable> recognises) {
        this.code = code;
        this.message = message;
        this.retryAfterSeconds = retryAfterSeconds;
        this.logLabel = logLabel;
        this.recognises = recognises;
    }

    /** The outage behind {@code failure}, if it is one. */
    static Optional<OutageAnswer> of(Throwable failure) {
        for (OutageAnswer outage : values()) {
            if (outage.recognises.test(failure)) {
                return Optional.of(outage);
            }
        }
        return Optional.empty();
    }

    ApiError body() {
        return new ApiError(code, message);
    }

    String retryAfter() {
        return Long.toString(retryAfterSeconds);
    }

    ResponseEntity<ApiError> answer(Throwable failure, String method, String path) {
        log(failure, method, path);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, retryAfter()).body(body());
    }

    void log(Throwable failure, String method, String path) {
        log.warn("{}, answered 503 {}: requestId={} method={} path={} reason={}", logLabel, code,
                MDC.get(RequestBoundaryFilter.MDC_KEY), method, path, Outages.rootMessage(failure));
    }
}
