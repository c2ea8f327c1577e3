package cn.cac.gzh.common.web;

import cn.cac.gzh.common.DomainException;
import cn.cac.gzh.common.RedisConnections;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Requests per client, cluster-wide: one Bucket4j token bucket per limit and client key, kept in Redis
 * (compare-and-swap over Lettuce, like the delivery channels' limits), so N instances together allow
 * the configured number. A client over its limit is answered {@code 429 RATE_LIMITED} with
 * {@code Retry-After}.
 *
 * <p><b>Cheap under load.</b> Each client's bucket object is kept (up to {@value #MAX_CACHED_BUCKETS}, then the
 * cache starts over) with Bucket4j's batching: requests of one client that arrive while a Redis call for it is in
 * flight are answered together by the next call instead of each retrying a compare-and-swap on the same key
 * (WeChat's callbacks come from a few addresses: without batching 16 concurrent callbacks from one address cut
 * the portal from ~5,000 to ~1,350 requests/s, docs/performance.md).
 *
 * <p><b>Fails open.</b> When Redis cannot be reached the request is let through (one WARN per half
 * minute, and Redis is not asked again for five seconds so requests do not each wait for its time-out):
 * a limit that cannot be counted must not turn logins and callbacks into 500s; Redis being down is
 * visible in the readiness probe anyway.
 */
@Component
@EnableConfigurationProperties(RateLimitProperties.class)
public class RequestRateLimits {

    /** {@code POST /api/mini/auth/login}, per client IP. */
    public static final String MINI_LOGIN = "mini-login";
    /** {@code POST /api/mini/filings/{id}/materials/uploads}, per operator. */
    public static final String UPLOAD_TICKET = "upload-ticket";
    /** {@code POST /api/console/auth/login}, per client IP. */
    public static final String CONSOLE_LOGIN_IP = "console-login-ip";
    /** {@code POST /api/console/auth/login}, per user name. */
    public static final String CONSOLE_LOGIN_USER = "console-login-user";
    /** {@code /wechat/portal/**}, per client IP (WeChat's servers: few addresses, so a generous limit). */
    public static final String PORTAL = "portal";

    private static final Logger log = LoggerFactory.getLogger(RequestRateLimits.class);
    private static final long PAUSE_AFTER_FAILURE = TimeUnit.SECONDS.toNanos(5);
    private static final long WARN_EVERY = TimeUnit.SECONDS.toNanos(30);
    static final int MAX_CACHED_BUCKETS = 10_000;

    private final RateLimitProperties properties;
    private final RedisConnections redis;
    private final Map<String, BucketConfiguration> configurations;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private volatile ProxyManager<byte[]> proxies;
    private volatile long skipRedisUntil;
    private volatile long lastWarning;

    RequestRateLimits(RateLimitProperties properties, RedisConnections redis) {
        this.properties = properties;
        this.redis = redis;
        this.configurations = properties.limits().entrySet().stream()
                .filter(limit -> limit.getValue() != null && limit.getValue().requests() > 0)
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, limit -> BucketConfiguration.builder()
                        .addLimit(Bandwidth.builder().capacity(limit.getValue().requests())
                                .refillGreedy(limit.getValue().requests(), limit.getValue().per()).build())
                        .build()));
    }

    /**
     * Takes one request of {@code client} from {@code limit}.
     *
     * @return 0 when the request may go on, else the seconds after which the client may try again
     */
    public long check(String limit, String client) {
        BucketConfiguration configuration = configurations.get(limit);
        if (!properties.enabled() || configuration == null || client == null) {
            return 0;
        }
        long skipUntil = skipRedisUntil;
        if (skipUntil != 0 && System.nanoTime() - skipUntil < 0) {
            return 0;
        }
        try {
            ConsumptionProbe probe = bucket(properties.keyPrefix() + limit + ":" + client, configuration)
                    .tryConsumeAndReturnRemaining(1);
            return probe.isConsumed() ? 0 : Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        } catch (RuntimeException e) {
            skipRedisUntil = System.nanoTime() + PAUSE_AFTER_FAILURE;
            if (System.nanoTime() - lastWarning > WARN_EVERY || lastWarning == 0) {
                lastWarning = System.nanoTime();
                log.warn("Rate limits not counted, Redis unavailable; requests are let through: limit={} reason={}", limit,
                        e.toString());
            }
            return 0;
        }
    }

    /** Like {@link #check}, but throws {@code 429 RATE_LIMITED} with {@code Retry-After} when over the limit. */
    public void enforce(String limit, String client) {
        long retryAfter = check(limit, client);
        if (retryAfter > 0) {
            throw DomainException.rateLimited(retryAfter);
        }
    }

    private Bucket bucket(String key, BucketConfiguration configuration) {
        Bucket bucket = buckets.get(key);
        if (bucket != null) {
            return bucket;
        }
        if (buckets.size() >= MAX_CACHED_BUCKETS) {
            // bounded memory; the counts live in Redis, so a bucket object made again counts on where it left off
            buckets.clear();
        }
        return buckets.computeIfAbsent(key, k -> proxies().builder().withOptimization(Optimizations.batching())
                .build(k.getBytes(StandardCharsets.UTF_8), () -> configuration));
    }

    private ProxyManager<byte[]> proxies() {
        ProxyManager<byte[]> current = proxies;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (proxies == null) {
                // connected on first use, not at start: a Redis away at start must not fail the start (fail open)
                proxies = redis.bucketProxies(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)));
            }
            return proxies;
        }
    }

}
