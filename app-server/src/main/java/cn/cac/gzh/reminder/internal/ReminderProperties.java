package cn.cac.gzh.reminder.internal;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reminder settings ({@code REMINDER_…}).
 *
 * @param jobsEnabled      whether this deployment scans and dispatches by itself (the tests drive the jobs by hand)
 * @param scanInterval     how often the scan looks for due steps (cheap: it reads candidates only)
 * @param dispatchInterval how often pending notices are handed to the delivery pipeline
 * @param catchUpDays      a step missed (service down) is still sent up to this many days late, unless a later step is due
 * @param quietStart       quiet hours (Asia/Shanghai): reminders are not sent from …
 * @param quietEnd         … until; what falls in between waits for the morning
 * @param batch            notices written or dispatched per transaction
 * @param digestNames      account names listed in the staff digest (the rest as a count)
 */
@ConfigurationProperties("reminder")
record ReminderProperties(
        @DefaultValue("true") boolean jobsEnabled,
        @DefaultValue("15m") Duration scanInterval,
        @DefaultValue("30s") Duration dispatchInterval,
        @DefaultValue("2") int catchUpDays,
        @DefaultValue("22:00") LocalTime quietStart,
        @DefaultValue("08:00") LocalTime quietEnd,
        @DefaultValue("200") int batch,
        @DefaultValue("20") int digestNames) {
}
