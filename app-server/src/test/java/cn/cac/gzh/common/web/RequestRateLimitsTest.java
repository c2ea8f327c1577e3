package cn.cac.gzh.common.web;

import java.time.Duration;
import java.util.Map;

import cn.cac.gzh.common.RedisConnections;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** A Redis that cannot be reached lets requests through (fail open) instead of failing them. */
class RequestRateLimitsTest {

    @Test
    void anUnreachableRedisLetsRequestsThrough() {
        LettuceConnectionFactory unreachable = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 1),
                LettuceClientConfiguration.builder().commandTimeout(Duration.ofMillis(500)).build());
        unreachable.afterPropertiesSet();
        unreachable.start();
        RequestRateLimits limits = new RequestRateLimits(new RateLimitProperties(true, "test:",
                Map.of(RequestRateLimits.MINI_LOGIN, new RateLimitProperties.Limit(1, Duration.ofHours(1)))),
                new RedisConnections(unreachable));
        try {
            for (int i = 0; i < 5; i++) {
                assertThat(limits.check(RequestRateLimits.MINI_LOGIN, "10.0.0.1")).isZero();
            }
            limits.enforce(RequestRateLimits.MINI_LOGIN, "10.0.0.1");
        } finally {
            unreachable.destroy();
        }
    }
}
