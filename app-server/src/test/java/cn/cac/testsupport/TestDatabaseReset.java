package cn.cac.testsupport;

import java.sql.Connection;
import java.sql.SQLException;

import cn.cac.devservices.DevServicesInitializer;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Tests start from the migrations alone: clean (once per JVM and database), then migrate. Refuses to clean anything but the
 * embedded database or a schema whose name says it is for tests, so a mistyped URL cannot wipe real data.
 */
@TestConfiguration(proxyBeanMethods = false)
class TestDatabaseReset {

    @Bean
    FlywayMigrationStrategy cleanThenMigrate(Environment environment) {
        return flyway -> {
            boolean embedded = environment.getProperty(DevServicesInitializer.EMBEDDED_DATABASE, Boolean.class, false);
            String schema = currentSchema(flyway.getConfiguration().getDataSource());
            if (!embedded && (schema == null || !schema.toLowerCase().contains("test"))) {
                throw new IllegalStateException("Refusing to clean schema '" + schema
                        + "': tests need the embedded database or a schema whose name contains 'test'");
            }
            // once per JVM and database: a second test context must not wipe what the first one's beans set up
            String marker = "gzh.test.cleaned:" + environment.getProperty("spring.datasource.url");
            if (System.getProperty(marker) == null) {
                flyway.clean();
                System.setProperty(marker, "true");
            }
            flyway.migrate();
        };
    }

    private static String currentSchema(javax.sql.DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getCatalog();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the test schema name", e);
        }
    }
}
