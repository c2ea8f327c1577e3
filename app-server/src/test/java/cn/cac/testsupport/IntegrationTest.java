package cn.cac.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import cn.cac.devservices.DevServicesInitializer;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a random port, against real services: the machine's MariaDB/Redis when
 * the environment names them (as {@code .ci/run} does), embedded dev services otherwise. The schema
 * is rebuilt from the migrations when the context starts.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.flyway.clean-disabled=false", "console.bootstrap-admin-password=" + IntegrationTest.ADMIN_PASSWORD,
                // the delivery pipeline at test speed: quick polls, short back-off and leases
                "delivery.idle-poll=50ms", "delivery.retry-delay=200ms", "delivery.lease=5s", "push.expansion-interval=200ms"})
@ContextConfiguration(initializers = DevServicesInitializer.class)
@Import({TestDatabaseReset.class, PublishedEventLog.class})
public @interface IntegrationTest {

    /** The first administrator ({@code admin}) of every test context. */
    String ADMIN_PASSWORD = "Admin-Test-2026";
}
