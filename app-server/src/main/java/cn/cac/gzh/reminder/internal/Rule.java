package cn.cac.gzh.reminder.internal;

import java.time.LocalDateTime;
import java.util.List;

/** A reminder rule as stored: offsets in days (see {@link RuleCode#offsetMeaning()}), texts with {placeholders}. */
record Rule(RuleCode code, boolean enabled, List<Integer> offsets, String title, String body, LocalDateTime updatedAt,
        int version) {
}
