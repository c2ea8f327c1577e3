package cn.cac.gzh.filing;

import java.time.LocalDate;

/**
 * Administrators run campaigns. Every change recomputes the due dates of all filings in the
 * background (a few seconds per hundred thousand filings); until then the old ones stand.
 */
public interface CampaignAdministration {

    /** Throws 400 {@code CAMPAIGN_DATES_INVALID} when it ends before it starts. */
    Campaign create(String name, LocalDate startsOn, LocalDate endsOn);

    Campaign update(long id, String name, LocalDate startsOn, LocalDate endsOn);

    void delete(long id);
}
