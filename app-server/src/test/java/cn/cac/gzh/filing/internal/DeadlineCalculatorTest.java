package cn.cac.gzh.filing.internal;

import java.time.LocalDate;
import java.util.List;

import cn.cac.gzh.filing.Campaign;
import cn.cac.gzh.filing.FilingStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class DeadlineCalculatorTest {

    private static final List<Campaign> CAMPAIGNS = List.of(
            new Campaign(1, null, "2016年集中登记备案", LocalDate.parse("2016-08-01"), LocalDate.parse("2016-08-10")),
            new Campaign(2, null, "2026年集中登记备案", LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-31")));

    @ParameterizedTest(name = "opened {0} → due {1}")
    @CsvSource(textBlock = """
            2015-03-01, 2016-08-10
            2016-07-31, 2016-08-10
            2016-08-01, 2016-08-31
            2016-08-05, 2016-09-04
            2016-08-10, 2016-09-09
            2016-08-11, 2016-09-10
            2020-02-15, 2020-03-16
            2026-11-20, 2026-12-20
            2026-12-15, 2027-01-14
            2026-12-25, 2027-01-24
            2027-01-05, 2027-02-04
            """)
    void dueDateFollowsTheNotice(LocalDate openedOn, LocalDate dueOn) {
        assertThat(DeadlineCalculator.dueOn(CAMPAIGNS, openedOn, 30)).isEqualTo(dueOn);
    }

    @ParameterizedTest(name = "no campaigns: opened {0}, {1} days → due {2}")
    @CsvSource(textBlock = """
            2024-01-31, 30, 2024-03-01
            2024-01-31, 15, 2024-02-15
            """)
    void withoutCampaignsOnlyTheDaysCount(LocalDate openedOn, int days, LocalDate dueOn) {
        assertThat(DeadlineCalculator.dueOn(List.of(), openedOn, days)).isEqualTo(dueOn);
    }

    @ParameterizedTest(name = "{0} due {1}, today {2} → overdue {3}")
    @CsvSource(textBlock = """
            DRAFT,     2016-08-10, 2016-08-10, false
            DRAFT,     2016-08-10, 2016-08-11, true
            REJECTED,  2016-08-10, 2016-08-11, true
            SUBMITTED, 2016-08-10, 2026-01-01, false
            APPROVED,  2016-08-10, 2026-01-01, false
            REVOKED,   2016-08-10, 2026-01-01, false
            """)
    void onlyFilingsNotHandedInAreOverdue(FilingStatus status, LocalDate dueOn, LocalDate today, boolean overdue) {
        assertThat(DeadlineCalculator.isOverdue(status, dueOn, today)).isEqualTo(overdue);
    }

    @ParameterizedTest
    @CsvSource("30")
    void unknownOpeningDateHasNoDueDate(int days) {
        assertThat(DeadlineCalculator.dueOn(CAMPAIGNS, null, days)).isNull();
        assertThat(DeadlineCalculator.isOverdue(FilingStatus.DRAFT, null, LocalDate.parse("2030-01-01"))).isFalse();
    }
}
