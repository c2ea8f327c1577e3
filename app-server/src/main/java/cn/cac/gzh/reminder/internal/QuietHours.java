package cn.cac.gzh.reminder.internal;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import cn.cac.gzh.common.TimeConfiguration;

/** Nobody gets a reminder at night: from {@code start} to {@code end}, Beijing time (may span midnight). */
record QuietHours(LocalTime start, LocalTime end) {

    static QuietHours of(ReminderProperties properties) {
        return new QuietHours(properties.quietStart(), properties.quietEnd());
    }

    boolean isQuiet(LocalDateTime utc) {
        LocalTime time = beijing(utc).toLocalTime();
        if (start.equals(end)) {
            return false;
        }
        return start.isBefore(end) ? !time.isBefore(start) && time.isBefore(end)
                : !time.isBefore(start) || time.isBefore(end);
    }

    /** {@code utc} itself outside quiet hours, otherwise the end of the quiet hours (UTC). */
    LocalDateTime nextAllowed(LocalDateTime utc) {
        if (!isQuiet(utc)) {
            return utc;
        }
        ZonedDateTime local = beijing(utc);
        ZonedDateTime morning = local.with(end);
        if (!morning.isAfter(local)) {
            morning = morning.plusDays(1);
        }
        return morning.withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }

    private static ZonedDateTime beijing(LocalDateTime utc) {
        return utc.atZone(ZoneOffset.UTC).withZoneSameInstant(TimeConfiguration.DISPLAY_ZONE);
    }
}
