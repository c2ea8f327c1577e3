package cn.cac.gzh.reminder.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Quiet hours across midnight in Beijing time, and which step is due on a day (catch-up, superseding). */
class ReminderTimingTest {

    private final QuietHours quiet = new QuietHours(LocalTime.of(22, 0), LocalTime.of(8, 0));

    /** Beijing wall time as the UTC the clock holds. */
    private static LocalDateTime utc(int day, int hour, int minute) {
        return LocalDateTime.of(2027, 5, day, hour, minute).minusHours(8);
    }

    @Test
    void quietHoursSpanMidnightAndEndAtEightInTheMorningBeijingTime() {
        assertThat(quiet.isQuiet(utc(10, 21, 59))).isFalse();
        assertThat(quiet.isQuiet(utc(10, 22, 0))).isTrue();
        assertThat(quiet.isQuiet(utc(11, 3, 0))).isTrue();
        assertThat(quiet.isQuiet(utc(11, 8, 0))).isFalse();
        assertThat(quiet.nextAllowed(utc(10, 23, 30))).isEqualTo(utc(11, 8, 0));
        assertThat(quiet.nextAllowed(utc(11, 0, 10))).isEqualTo(utc(11, 8, 0));
        assertThat(quiet.nextAllowed(utc(11, 12, 0))).isEqualTo(utc(11, 12, 0));
        QuietHours daytime = new QuietHours(LocalTime.of(12, 0), LocalTime.of(14, 0));
        assertThat(daytime.isQuiet(utc(11, 13, 0))).isTrue();
        assertThat(daytime.isQuiet(utc(11, 23, 0))).isFalse();
        assertThat(new QuietHours(LocalTime.NOON, LocalTime.NOON).isQuiet(utc(11, 12, 0))).as("empty quiet hours").isFalse();
    }

    @Test
    void aStepIsDueOnItsDayAndUpToTheCatchUpDaysLateUnlessALaterStepIsDue() {
        LocalDate today = LocalDate.of(2027, 7, 22);
        // steps counted after an opening day: 7, 20, 27 days
        Map<Integer, Set<LocalDate>> due = DueSteps.due(List.of(7, 20, 27), today, 2, (opened, step) -> opened.plusDays(step),
                (fired, step) -> fired.minusDays(step));
        assertThat(due.get(20)).containsExactly(LocalDate.of(2027, 6, 30), LocalDate.of(2027, 7, 1), LocalDate.of(2027, 7, 2));
        assertThat(due.get(7)).containsExactly(LocalDate.of(2027, 7, 13), LocalDate.of(2027, 7, 14), LocalDate.of(2027, 7, 15));
        // days before a deadline: 3 and 1; deadline 07-23 gets only its 1-day step, not also the missed 3-day one
        Map<Integer, Set<LocalDate>> deadline = DueSteps.due(List.of(3, 1), today, 2, (end, step) -> end.minusDays(step),
                (fired, step) -> fired.plusDays(step));
        assertThat(deadline.get(1)).containsExactly(LocalDate.of(2027, 7, 21), LocalDate.of(2027, 7, 22), LocalDate.of(2027, 7, 23));
        // deadline 07-24: its 3-day step (07-21) was missed and its 1-day step is tomorrow, so the 3-day one goes out late
        assertThat(deadline.get(3)).containsExactly(LocalDate.of(2027, 7, 24), LocalDate.of(2027, 7, 25))
                .doesNotContain(LocalDate.of(2027, 7, 23));
        // no catch-up: only the day itself
        assertThat(DueSteps.due(List.of(3), today, 0, (d, s) -> d.plusDays(s), (f, s) -> f.minusDays(s)).get(3))
                .containsExactly(LocalDate.of(2027, 7, 19));
    }
}
