package cn.cac.gzh.common;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Conversions between stored UTC times and what users see (Asia/Shanghai). */
public final class Times {

    private Times() {
    }

    /** A stored UTC {@code DATETIME} as a Beijing-time instant with its offset, for answers. */
    public static OffsetDateTime display(LocalDateTime utc) {
        return utc == null ? null
                : utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(TimeConfiguration.DISPLAY_ZONE).toOffsetDateTime();
    }

    /** An instant as Beijing time with its offset, for answers. */
    public static OffsetDateTime display(java.time.Instant instant) {
        return instant == null ? null : instant.atZone(TimeConfiguration.DISPLAY_ZONE).toOffsetDateTime();
    }

    /** Today's calendar date where the users are, which is what deadlines are counted in. */
    public static LocalDate today(java.time.Clock clock) {
        return LocalDate.now(clock.withZone(TimeConfiguration.DISPLAY_ZONE));
    }
}
