package cn.cac.gzh.common.web;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Abuse limits per client ({@code RATE_LIMIT_…}, README "Configuration"): token buckets in Redis shared
 * by every instance.
 *
 * @param enabled   {@code false} switches every limit off
 * @param keyPrefix prefix of the buckets' Redis keys
 * @param limits    per limit name ({@link RequestRateLimits#MINI_LOGIN}, …): at most {@code requests} per
 *                  {@code per}, refilled evenly; a limit absent or with {@code requests <= 0} is off
 */
@ConfigurationProperties("rate-limit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("gzh:rate:") String keyPrefix,
        Map<String, Limit> limits) {

    public RateLimitProperties {
        limits = limits == null ? Map.of() : Map.copyOf(limits);
    }

    public record Limit(long requests, @DefaultValue("1m") Duration per) {
    }
}
