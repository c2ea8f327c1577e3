package cn.cac.gzh.filing;

import java.time.LocalDate;

/**
 * Administrators run campaigns. Every change recomputes the due dates of the filings it concerns in the
 * background (a few seconds per hundred thousand filings); until then the old ones stand. Who may change which
 * campaign is the caller's to check (a campaign's county never changes).
 */
public interface CampaignAdministration {

    /**
     * {@code countyCode}: the county it is for, {@code null} for every county. Throws 400 {@code CAMPAIGN_DATES_INVALID}
     * when it ends before it starts.
     */
    Campaign create(String countyCode, String name, LocalDate startsOn, LocalDate endsOn);

    Campaign update(long id, String name, LocalDate startsOn, LocalDate endsOn);

    void delete(long id);
}
