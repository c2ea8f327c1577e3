package cn.cac.gzh;

import java.util.Map;

import cn.cac.testsupport.IntegrationTest;
import cn.cac.testsupport.LocalServer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class HealthIntegrationTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    @LocalServerPort
    int port;

    @Test
    @SuppressWarnings("unchecked")
    void healthIsUpWithDatabaseRedisAndStorage() {
        var response = LocalServer.client(port).get().uri("/actuator/health").retrieve().toEntity(JSON);

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        Map<String, Object> body = response.getBody();
        assertThat(body).containsEntry("status", "UP");
        var components = (Map<String, Map<String, Object>>) body.get("components");
        assertThat(components).containsKeys("db", "redis", "storage", "livenessState", "readinessState");
        assertThat(components.get("db")).containsEntry("status", "UP");
        assertThat(components.get("redis")).containsEntry("status", "UP");
        assertThat(components.get("storage")).containsEntry("status", "UP");
        assertThat((Map<String, Object>) components.get("storage").get("details")).containsEntry("bucket", "filing-materials");
    }

    @Test
    @SuppressWarnings("unchecked")
    void readinessGroupCoversTheExternalServicesAndLivenessDoesNot() {
        var client = LocalServer.client(port);
        var readiness = client.get().uri("/actuator/health/readiness").retrieve().toEntity(JSON);
        var liveness = client.get().uri("/actuator/health/liveness").retrieve().toEntity(JSON);

        assertThat(readiness.getStatusCode().value()).isEqualTo(200);
        assertThat((Map<String, Object>) readiness.getBody().get("components"))
                .containsOnlyKeys("readinessState", "db", "redis", "storage");
        assertThat(liveness.getStatusCode().value()).isEqualTo(200);
        assertThat((Map<String, Object>) liveness.getBody().get("components")).containsOnlyKeys("livenessState");
    }
}
