package cn.cac.gzh.reminder.internal;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A reminder rule as stored: offsets in days (see {@link RuleCode#offsetMeaning()}), texts with {placeholders}.
 *
 * @param regionCode whose row it is: the city's (the default for every county) or a county's own override
 */
record Rule(RuleCode code, boolean enabled, List<Integer> offsets, String title, String body, LocalDateTime updatedAt,
        int version, String regionCode) {
}
