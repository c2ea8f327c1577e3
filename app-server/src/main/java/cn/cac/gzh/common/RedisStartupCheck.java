package cn.cac.gzh.common;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * Pings Redis once at start. Tokens, de-duplication and locks live there, so a service that cannot
 * reach it must not report itself started.
 */
@Component
class RedisStartupCheck implements InitializingBean {

    private final RedisConnectionFactory connectionFactory;
    private final DataRedisProperties properties;

    RedisStartupCheck(RedisConnectionFactory connectionFactory, DataRedisProperties properties) {
        this.connectionFactory = connectionFactory;
        this.properties = properties;
    }

    @Override
    public void afterPropertiesSet() {
        try (var connection = connectionFactory.getConnection()) {
            connection.ping();
        } catch (RuntimeException e) {
            throw new ExternalServiceUnavailableException("Redis", target(),
                    "spring.data.redis.host (SPRING_DATA_REDIS_HOST), spring.data.redis.port (SPRING_DATA_REDIS_PORT) "
                            + "or spring.data.redis.cluster.nodes (SPRING_DATA_REDIS_CLUSTER_NODES) "
                            + "or spring.data.redis.sentinel.master/nodes (SPRING_DATA_REDIS_SENTINEL_MASTER/_NODES), "
                            + "and spring.data.redis.password (SPRING_DATA_REDIS_PASSWORD)", e);
        }
    }

    /** What Spring Boot connects to, in its order of precedence: Sentinel, Cluster, then one server. */
    private String target() {
        if (properties.getSentinel() != null && properties.getSentinel().getMaster() != null) {
            return "Sentinel master " + properties.getSentinel().getMaster() + " via " + properties.getSentinel().getNodes();
        }
        if (properties.getCluster() != null && properties.getCluster().getNodes() != null) {
            return "Cluster " + properties.getCluster().getNodes();
        }
        return properties.getUrl() != null ? RedactedUrls.redact(properties.getUrl()) : properties.getHost() + ":" + properties.getPort();
    }
}
