package cn.cac.gzh.filing.internal;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import cn.cac.gzh.filing.Campaign;
import cn.cac.gzh.filing.FilingStatus;

/**
 * Notice §1 and §4.2: accounts opened before the first campaign file within it; an account opened
 * during a campaign files by its end, but gets at least the days-after-opening period; once a
 * campaign is over, an account files within that period of opening.
 */
final class DeadlineCalculator {

    private DeadlineCalculator() {
    }

    /** The due date, or {@code null} while the opening date is unknown. */
    static LocalDate dueOn(List<Campaign> campaigns, LocalDate openedOn, int daysAfterOpening) {
        if (openedOn == null) {
            return null;
        }
        LocalDate byOpening = openedOn.plusDays(daysAfterOpening);
        for (Campaign campaign : campaigns) {
            boolean openedDuring = !openedOn.isBefore(campaign.startsOn()) && !openedOn.isAfter(campaign.endsOn());
            if (openedDuring) {
                return later(campaign.endsOn(), byOpening);
            }
        }
        boolean anyCampaignEndedBefore = campaigns.stream().anyMatch(c -> c.endsOn().isBefore(openedOn));
        if (anyCampaignEndedBefore) {
            // §4.2: filing is continuous after the concentrated period
            return byOpening;
        }
        // opened before the first campaign: file within it (§1)
        return campaigns.stream().map(Campaign::endsOn).min(Comparator.naturalOrder()).orElse(byOpening);
    }

    /** Late means: still not handed in (draft or sent back) after the due date. */
    static boolean isOverdue(FilingStatus status, LocalDate dueOn, LocalDate today) {
        return dueOn != null && today.isAfter(dueOn) && (status == FilingStatus.DRAFT || status == FilingStatus.REJECTED);
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
