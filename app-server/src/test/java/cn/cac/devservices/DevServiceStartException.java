package cn.cac.devservices;

/**
 * An embedded twin could not start, with the cause and the fix in one line (the self-check the
 * banner frame shows, and the failure analysis instead of a stack trace).
 */
public final class DevServiceStartException extends RuntimeException {

    /** The causes the self-check recognises. */
    public enum Kind {
        PATH_TOO_LONG, PORT_TAKEN, NO_DISK_SPACE, CANNOT_EXECUTE, NOT_WRITABLE, DATA_IN_USE, TIMEOUT, UNKNOWN
    }

    private final String service;
    private final Kind kind;
    private final String reason;
    private final String fix;

    DevServiceStartException(String service, Kind kind, String reason, String fix) {
        this(service, kind, reason, fix, null);
    }

    DevServiceStartException(String service, Kind kind, String reason, String fix, Throwable cause) {
        super(service + " cannot start: " + reason + ". Fix: " + fix, cause);
        this.service = service;
        this.kind = kind;
        this.reason = reason;
        this.fix = fix;
    }

    public String service() {
        return service;
    }

    public Kind kind() {
        return kind;
    }

    /** What went wrong, e.g. {@code port 40123 on 127.0.0.1 is taken by another process}. */
    public String reason() {
        return reason;
    }

    /** What a person does about it. */
    public String fix() {
        return fix;
    }

    /** Cause and fix in one line. */
    public String line() {
        return getMessage();
    }
}
