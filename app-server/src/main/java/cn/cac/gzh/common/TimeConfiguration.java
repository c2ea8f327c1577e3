package cn.cac.gzh.common;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One clock for the whole service, so that deadlines and timestamps are testable.
 * Everything is stored in UTC; {@link #DISPLAY_ZONE} is what users see.
 */
@Configuration(proxyBeanMethods = false)
public class TimeConfiguration {

    /** The zone in which dates are shown to users and in which calendar deadlines are counted. */
    public static final ZoneId DISPLAY_ZONE = ZoneId.of("Asia/Shanghai");

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Bean Validation's "today" (e.g. an ID number's birth date, an opening date, an enforcement date) comes from the
     * same clock, counted in {@link #DISPLAY_ZONE}: between 00:00 and 08:00 Beijing time the UTC date is still
     * yesterday, and a date the user typed as today must not be "in the future".
     */
    @Bean
    ValidationConfigurationCustomizer validationClock(Clock clock) {
        return configuration -> configuration.clockProvider(() -> clock.withZone(DISPLAY_ZONE));
    }
}
