package cn.cac.gzh.common;

/**
 * An external service (database, Redis, object storage, WeChat API) cannot be used.
 * Carries the settings an operator has to check, so that a failed start names them.
 */
public class ExternalServiceUnavailableException extends RuntimeException {

    private final String service;
    private final String settings;

    public ExternalServiceUnavailableException(String service, String target, String settings, Throwable cause) {
        super(service + " at " + target + " is not usable: " + rootMessage(cause), cause);
        this.service = service;
        this.settings = settings;
    }

    public String service() {
        return service;
    }

    /** The properties (and their environment variables) that decide where the service is. */
    public String settings() {
        return settings;
    }

    private static String rootMessage(Throwable cause) {
        Throwable root = cause;
        while (root != null && root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == null ? "unknown reason" : root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
