package cn.cac.gzh.filing;

import java.util.List;
import java.util.Map;

/**
 * Counts for the dashboard.
 *
 * @param bySubjectType UNIT types by name ("ENTERPRISE" …) and "INDIVIDUAL"
 * @param byCounty one row per county of the city in code order (zeros included); a caller narrowed to one county
 *                 (a county office, or the city office drilling down) gets that county's row only
 */
public record RegistryStats(long total, Map<FilingStatus, Long> byStatus, Map<String, Long> byTownship,
        Map<String, Long> bySubjectType, long overdue, long awaitingPaper, List<CountyCounts> byCounty) {

    /** One county's figures: all its filings, those awaiting review, approved, and overdue (drafts and sent-back ones past due). */
    public record CountyCounts(String countyCode, String countyName, long total, long submitted, long approved, long overdue) {
    }
}
