package cn.cac.gzh;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.cac.testsupport.ExternalSettings;
import cn.cac.testsupport.IntegrationTest;
import cn.cac.testsupport.LocalServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Two more instances start at the same moment against one database, Redis and bucket, and neither gets in the other's way. */
@IntegrationTest
class TwoInstancesIntegrationTest {

    private static final String LOGGING_SYSTEM = "org.springframework.boot.logging.LoggingSystem";

    @Autowired
    Environment environment;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void twoInstancesStartSideBySideAndShareEverything() throws Exception {
        String[] arguments = ExternalSettings.asArguments(environment);
        // Two applications starting at the same instant in one JVM would both re-initialise Logback
        // and race; the test context has set logging up already, so the extra instances leave it alone.
        System.setProperty(LOGGING_SYSTEM, "none");
        CompletableFuture<ConfigurableApplicationContext> first;
        CompletableFuture<ConfigurableApplicationContext> second;
        try {
            first = CompletableFuture.supplyAsync(() -> SpringApplication.run(FilingPlatformApplication.class, arguments));
            second = CompletableFuture.supplyAsync(() -> SpringApplication.run(FilingPlatformApplication.class, arguments));
            CompletableFuture.allOf(first, second).join();
        } finally {
            System.clearProperty(LOGGING_SYSTEM);
        }
        try (ConfigurableApplicationContext a = first.get(); ConfigurableApplicationContext b = second.get()) {
            int portA = Integer.parseInt(a.getEnvironment().getProperty("local.server.port"));
            int portB = Integer.parseInt(b.getEnvironment().getProperty("local.server.port"));
            assertThat(portA).isNotEqualTo(portB);
            assertThat(health(portA)).isEqualTo("UP");
            assertThat(health(portB)).isEqualTo("UP");

            // each migration ran exactly once
            List<String> versions = jdbc.queryForList(
                    "SELECT version FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank", String.class);
            assertThat(versions).doesNotHaveDuplicates().contains("1", "2", "3");

            // one access token, shared through Redis
            String tokenA = a.getBean(WxMaService.class).getAccessToken();
            String tokenB = b.getBean(WxMaService.class).getAccessToken();
            assertThat(tokenA).isEqualTo(tokenB).isNotBlank();
        }
    }

    private static Object health(int port) {
        Map<String, Object> body = LocalServer.client(port).get().uri("/actuator/health").retrieve()
                .body(new ParameterizedTypeReference<Map<String, Object>>() {
                });
        return body == null ? null : body.get("status");
    }
}
