package cn.cac.gzh.common;

import java.util.List;

/**
 * A request that cannot be served as asked: a stable code, a Chinese message for people and the
 * kind of refusal. Thrown before anything is changed (or inside the transaction that is then
 * rolled back), so an error answer always means "nothing happened". The web edge turns it into
 * an HTTP answer; the domain stays free of HTTP types.
 */
public class DomainException extends RuntimeException {

    public static final String RATE_LIMITED = "RATE_LIMITED";
    public static final String RATE_LIMITED_MESSAGE = "请求过于频繁，请稍后再试";

    private final ErrorKind kind;
    private final String code;
    private final List<FieldProblem> fieldErrors;
    private final long retryAfterSeconds;

    public DomainException(ErrorKind kind, String code, String message, List<FieldProblem> fieldErrors) {
        this(kind, code, message, fieldErrors, 0);
    }

    public DomainException(ErrorKind kind, String code, String message) {
        this(kind, code, message, List.of(), 0);
    }

    private DomainException(ErrorKind kind, String code, String message, List<FieldProblem> fieldErrors,
            long retryAfterSeconds) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.fieldErrors = List.copyOf(fieldErrors);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static DomainException invalid(String code, String message) {
        return new DomainException(ErrorKind.INVALID, code, message);
    }

    public static DomainException notFound(String code, String message) {
        return new DomainException(ErrorKind.NOT_FOUND, code, message);
    }

    public static DomainException conflict(String code, String message) {
        return new DomainException(ErrorKind.CONFLICT, code, message);
    }

    public static DomainException forbidden(String code, String message) {
        return new DomainException(ErrorKind.FORBIDDEN, code, message);
    }

    public static DomainException unauthenticated(String code, String message) {
        return new DomainException(ErrorKind.UNAUTHENTICATED, code, message);
    }

    public static DomainException unavailable(String code, String message) {
        return new DomainException(ErrorKind.UNAVAILABLE, code, message);
    }

    public static DomainException tooLarge(String code, String message) {
        return new DomainException(ErrorKind.TOO_LARGE, code, message);
    }

    /** Too many requests ({@code RATE_LIMITED}), to be tried again after {@code seconds}. */
    public static DomainException rateLimited(long seconds) {
        return new DomainException(ErrorKind.TOO_MANY_REQUESTS, RATE_LIMITED, RATE_LIMITED_MESSAGE).retryAfter(seconds);
    }

    /** The same refusal, to be tried again after {@code seconds} (at least 1). */
    public DomainException retryAfter(long seconds) {
        return new DomainException(kind, code, getMessage(), fieldErrors, Math.max(1, seconds));
    }

    /** The seconds after which trying again may work, 0 for none. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public ErrorKind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public List<FieldProblem> fieldErrors() {
        return fieldErrors;
    }
}
