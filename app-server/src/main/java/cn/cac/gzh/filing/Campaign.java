package cn.cac.gzh.filing;

import java.time.LocalDate;

/**
 * A concentrated filing window (集中登记备案期), calendar days in Asia/Shanghai, both inclusive.
 *
 * @param countyCode the county it is for, or {@code null} for every county of the city (set by the city office)
 */
public record Campaign(long id, String countyCode, String name, LocalDate startsOn, LocalDate endsOn) {

    /** Whether it applies to filings of {@code countyCode}. */
    public boolean appliesTo(String county) {
        return countyCode == null || countyCode.equals(county);
    }
}
