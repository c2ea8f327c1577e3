package cn.cac.gzh.common.web;

import cn.cac.gzh.common.Outages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The answer when Redis, where sign-ins live (mini-program login's WeChat token lock, console
 * sessions), cannot be reached: 503 with a stable code and {@code Retry-After}, logged as a WARN with
 * the request id. Checked before {@link DatabaseBusy}, because a Redis command time-out arrives as the
 * same {@code QueryTimeoutException} as a database one and "many people are filing" would be wrong.
 */
final class SessionStoreUnavailable {

    static final String CODE = "SESSION_STORE_UNAVAILABLE";
    static final String MESSAGE = "登录服务暂时不可用，请稍后再试";
    static final String RETRY_AFTER_SECONDS = "5";

    private static final Logger log = LoggerFactory.getLogger(SessionStoreUnavailable.class);

    private SessionStoreUnavailable() {
    }

    /** Whether Redis is behind the failure (refused, timed out, connection lost), by the Lettuce or Spring Data Redis type. */
    static boolean isCause(Throwable failure) {
        return Outages.redisUnavailable(failure);
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
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        log.warn("Redis unavailable, answered 503 {}: requestId={} method={} path={} reason={}: {}", CODE,
                MDC.get(RequestBoundaryFilter.MDC_KEY), method, path, root.getClass().getSimpleName(), root.getMessage());
    }
}
