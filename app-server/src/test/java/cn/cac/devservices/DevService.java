package cn.cac.devservices;

import java.util.Map;
import java.util.Optional;

/** One embedded stand-in for an external service, started on a free loopback port. */
interface DevService extends AutoCloseable {

    /** Short name for logs and the banner. */
    String name();

    /** The Spring properties that point the application at this service. */
    Map<String, String> properties();

    /** Where a person reaches it (URL or host:port), for the banner. */
    String location();

    @Override
    void close();

    /**
     * The same service started again after {@link #close()}: same port, same data (fault tests); empty for
     * the services the fault tests only ever stop (S3, the WeChat simulator).
     */
    default Optional<DevService> startAgain() {
        return Optional.empty();
    }
}
