package cn.cac.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * {@link IntegrationTest} with tiny abuse limits and export queue, so tests can reach them: 3 requests
 * an hour per limit and client, a 4 KB body limit, one export thread with one place in line, a sweep
 * every 300 ms, a configured CORS origin, and client addresses taken from {@code X-Forwarded-For} (as
 * behind a proxy) so a test can be several clients. The buckets' keys are unique to the context.
 * Every class with this annotation shares one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@IntegrationTest
@TestPropertySource(properties = {"rate-limit.key-prefix=test:${random.uuid}:",
        "rate-limit.limits.mini-login.requests=3", "rate-limit.limits.mini-login.per=1h",
        "rate-limit.limits.upload-ticket.requests=3", "rate-limit.limits.upload-ticket.per=1h",
        "rate-limit.limits.console-login-ip.requests=3", "rate-limit.limits.console-login-ip.per=1h",
        "rate-limit.limits.console-login-user.requests=3", "rate-limit.limits.console-login-user.per=1h",
        "rate-limit.limits.portal.requests=3", "rate-limit.limits.portal.per=1h",
        "request-limits.max-body-size=4KB", "cors.allowed-origins=" + SmallLimitsIntegrationTest.ALLOWED_ORIGIN,
        "server.forward-headers-strategy=native",
        "console.export.threads=1", "console.export.queue-capacity=1", "console.export.sweep-interval=PT0.3S"})
public @interface SmallLimitsIntegrationTest {

    String ALLOWED_ORIGIN = "https://console.example.cn";
}
