package cn.cac.gzh.common;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.codec.ByteArrayCodec;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * Lettuce connections of their own for code that talks to Redis below Spring Data (Bucket4j's token
 * buckets), whatever Redis is configured: one server or Sentinel (Spring Boot's native client is a
 * {@link RedisClient}) or a Cluster ({@code spring.data.redis.cluster.nodes}: a {@link RedisClusterClient}).
 * The connections are closed with the context, after the beans that use them.
 */
@Component
public class RedisConnections implements DisposableBean {

    private final LettuceConnectionFactory redis;
    private final List<StatefulConnection<byte[], byte[]>> opened = new CopyOnWriteArrayList<>();

    public RedisConnections(LettuceConnectionFactory redis) {
        this.redis = redis;
    }

    /**
     * Token buckets in Redis over a new byte-array connection (compare-and-swap on the bucket's one key,
     * so a Cluster needs no hash tags). Connects now: a Redis that cannot be reached throws.
     */
    public ProxyManager<byte[]> bucketProxies(ExpirationAfterWriteStrategy expiration) {
        Object client = redis.getNativeClient();
        if (client instanceof RedisClusterClient cluster) {
            StatefulRedisClusterConnection<byte[], byte[]> connection = cluster.connect(ByteArrayCodec.INSTANCE);
            opened.add(connection);
            return Bucket4jLettuce.casBasedBuilder(connection).expirationAfterWrite(expiration).build();
        }
        if (client instanceof RedisClient standaloneOrSentinel) {
            StatefulRedisConnection<byte[], byte[]> connection = standaloneOrSentinel.connect(ByteArrayCodec.INSTANCE);
            opened.add(connection);
            return Bucket4jLettuce.casBasedBuilder(connection).expirationAfterWrite(expiration).build();
        }
        throw new IllegalStateException("Unexpected Lettuce client: " + (client == null ? "none (factory not started)" : client.getClass()));
    }

    @Override
    public void destroy() {
        opened.forEach(StatefulConnection::close);
        opened.clear();
    }
}
