package cn.cac.gzh.delivery.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import cn.cac.gzh.delivery.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Channels that must not send for a while, for the whole cluster: WeChat's daily quota (45009) is
 * per app, so when one instance hits it every instance stops until it resets.
 */
@Component
class ChannelPauses {

    private static final Logger log = LoggerFactory.getLogger(ChannelPauses.class);
    private static final String KEY = "delivery:paused:";

    private final StringRedisTemplate redis;
    private final Clock clock;
    /** What this instance last saw (refreshed by every {@link #paused()}), for a check without a round trip. */
    private volatile Set<Channel> known = Set.of();

    ChannelPauses(StringRedisTemplate redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    void pauseUntil(Channel channel, Instant until) {
        Duration left = Duration.between(clock.instant(), until);
        if (!left.isNegative() && !left.isZero()) {
            redis.opsForValue().set(KEY + channel.name(), until.toString(), left);
            Set<Channel> now = EnumSet.of(channel);
            now.addAll(known);
            known = Set.copyOf(now);
            log.warn("Channel paused: channel={} until={}", channel, until);
        }
    }

    Set<Channel> paused() {
        Set<Channel> paused = EnumSet.noneOf(Channel.class);
        for (Channel channel : Channel.values()) {
            if (Boolean.TRUE.equals(redis.hasKey(KEY + channel.name()))) {
                paused.add(channel);
            }
        }
        known = Set.copyOf(paused);
        return paused;
    }

    /** Whether the channel was paused when this instance last looked (no round trip to Redis). */
    boolean isPaused(Channel channel) {
        return known.contains(channel);
    }
}
