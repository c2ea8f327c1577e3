package cn.cac.gzh.delivery.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import cn.cac.gzh.delivery.Channel;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.BlockingBucket;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * Cluster-wide sends per second per channel: one Bucket4j token bucket per channel, kept in Redis
 * (compare-and-swap over Lettuce), so N instances together stay within the configured rate.
 */
@Component
class ChannelRateLimits implements DisposableBean {

    private final Map<Channel, BlockingBucket> buckets = new EnumMap<>(Channel.class);
    private final StatefulRedisConnection<byte[], byte[]> connection;

    ChannelRateLimits(DeliveryProperties properties, LettuceConnectionFactory redis) {
        boolean limited = properties.ratePerSecond().values().stream().anyMatch(rate -> rate != null && rate > 0);
        if (!limited) {
            this.connection = null;
            return;
        }
        this.connection = ((RedisClient) redis.getNativeClient()).connect(ByteArrayCodec.INSTANCE);
        ProxyManager<byte[]> proxies = Bucket4jLettuce.casBasedBuilder(connection)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .build();
        properties.ratePerSecond().forEach((channel, rate) -> {
            if (rate != null && rate > 0) {
                // refilled greedily every second; a burst of at most one second's worth
                BucketConfiguration configuration = BucketConfiguration.builder()
                        .addLimit(Bandwidth.builder().capacity(rate).refillGreedy(rate, Duration.ofSeconds(1)).build())
                        .build();
                buckets.put(channel, proxies.builder()
                        .build(("delivery:rate:" + channel.name()).getBytes(StandardCharsets.UTF_8), () -> configuration)
                        .asBlocking());
            }
        });
    }

    /** Waits until the channel may send one more message (no wait when it has no limit). */
    void acquire(Channel channel) throws InterruptedException {
        BlockingBucket bucket = buckets.get(channel);
        if (bucket != null) {
            bucket.consume(1);
        }
    }

    @Override
    public void destroy() {
        if (connection != null) {
            connection.close();
        }
    }
}
