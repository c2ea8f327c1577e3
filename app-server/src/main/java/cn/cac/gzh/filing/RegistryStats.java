package cn.cac.gzh.filing;

import java.util.Map;

/**
 * Counts for the dashboard.
 *
 * @param bySubjectType UNIT types by name ("ENTERPRISE" …) and "INDIVIDUAL"
 */
public record RegistryStats(long total, Map<FilingStatus, Long> byStatus, Map<String, Long> byTownship,
        Map<String, Long> bySubjectType, long overdue, long awaitingPaper) {
}
