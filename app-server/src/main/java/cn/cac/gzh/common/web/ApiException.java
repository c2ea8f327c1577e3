package cn.cac.gzh.common.web;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A request that cannot be served as asked. Thrown before anything is changed (or inside the
 * transaction that is then rolled back), so an error answer always means "nothing happened".
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final List<ApiError.FieldProblem> fieldErrors;
    private long retryAfterSeconds;

    public ApiException(HttpStatus status, String code, String message, List<ApiError.FieldProblem> fieldErrors) {
        super(message);
        this.status = status;
        this.code = code;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public ApiException(HttpStatus status, String code, String message) {
        this(status, code, message, List.of());
    }

    public static ApiException notFound(String code, String message) {
        return new ApiException(HttpStatus.NOT_FOUND, code, message);
    }

    public static ApiException conflict(String code, String message) {
        return new ApiException(HttpStatus.CONFLICT, code, message);
    }

    public static ApiException badRequest(String code, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, code, message);
    }

    public static ApiException forbidden(String code, String message) {
        return new ApiException(HttpStatus.FORBIDDEN, code, message);
    }

    public static ApiException unavailable(String code, String message) {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, code, message);
    }

    /** Too many requests ({@code 429 RATE_LIMITED}), to be tried again after {@code seconds}. */
    public static ApiException rateLimited(long seconds) {
        return new ApiException(HttpStatus.TOO_MANY_REQUESTS, RATE_LIMITED, RATE_LIMITED_MESSAGE).retryAfter(seconds);
    }

    public static final String RATE_LIMITED = "RATE_LIMITED";
    public static final String RATE_LIMITED_MESSAGE = "请求过于频繁，请稍后再试";

    /** Adds a {@code Retry-After} header (seconds) to the answer. */
    public ApiException retryAfter(long seconds) {
        this.retryAfterSeconds = Math.max(1, seconds);
        return this;
    }

    /** The {@code Retry-After} seconds, 0 for none. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<ApiError.FieldProblem> fieldErrors() {
        return fieldErrors;
    }

    public ApiError toBody() {
        return new ApiError(code, getMessage(), fieldErrors);
    }
}
