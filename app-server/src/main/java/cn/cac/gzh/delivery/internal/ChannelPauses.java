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

    ChannelPauses(StringRedisTemplate redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    void pauseUntil(Channel channel, Instant until) {
        Duration left = Duration.between(clock.instant(), until);
        if (!left.isNegative() && !left.isZero()) {
            redis.opsForValue().set(KEY + channel.name(), until.toString(), left);
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
        return paused;
    }

    void resume(Channel channel) {
        redis.delete(KEY + channel.name());
    }
}
