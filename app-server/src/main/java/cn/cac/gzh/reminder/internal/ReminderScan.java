package cn.cac.gzh.reminder.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongFunction;

import cn.cac.gzh.common.TimeConfiguration;
import cn.cac.gzh.common.Times;
import cn.cac.gzh.filing.Campaign;
import cn.cac.gzh.filing.FilingCampaigns;
import cn.cac.gzh.filing.FilingDeadlines;
import cn.cac.gzh.filing.FilingStatus;
import cn.cac.gzh.filing.ReminderCandidate;
import cn.cac.gzh.region.RegionDirectory;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Finds the reminder steps due today and writes one notice per (rule, filing, occasion, step); the
 * unique key makes a second run, an overlapping run or another instance's run write nothing more.
 * Reads candidates only: each rule asks for the few days its steps fall on, by index. The rules are read once per
 * scan; a rule's steps are those of any office's enabled row, and each candidate is reminded by its own county's rule
 * (the county's override, else the city's: {@link RuleBook}). One instance at a time (ShedLock); sending is
 * {@link NoticeDispatch}'s.
 */
@Component
class ReminderScan {

    private static final Logger log = LoggerFactory.getLogger(ReminderScan.class);
    private static final int YEARS_BACK = 10;

    /** Candidates of one step: a page after an id. */
    private interface Source extends LongFunction<List<ReminderCandidate>> {
    }

    private final RuleStore rules;
    private final NoticeStore notices;
    private final FilingDeadlines filings;
    private final FilingCampaigns campaigns;
    private final StaffDigests digests;
    private final ReminderProperties properties;
    private final Clock clock;
    private final ReminderMetrics metrics;
    private final RegionDirectory regions;

    ReminderScan(RuleStore rules, NoticeStore notices, FilingDeadlines filings, FilingCampaigns campaigns,
            StaffDigests digests, ReminderProperties properties, Clock clock, ReminderMetrics metrics, RegionDirectory regions) {
        this.regions = regions;
        this.metrics = metrics;
        this.rules = rules;
        this.notices = notices;
        this.filings = filings;
        this.campaigns = campaigns;
        this.digests = digests;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Returns how many candidates were considered (notices already written are not written again), or
     * {@code null} when another instance was scanning (ShedLock answers null for a skipped call).
     */
    @SchedulerLock(name = "reminder-scan", lockAtMostFor = "PT30M")
    public Integer scan() {
        LocalDate today = Times.today(clock);
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDateTime sendAt = QuietHours.of(properties).nextAllowed(now);
        int considered = 0;
        RuleBook book = rules.book();
        for (RuleCode code : RuleCode.values()) {
            int ofRule;
            if (code == RuleCode.STAFF_DIGEST) {
                // one rule for every office (the city's row: when and in which words), one digest per office
                Rule digest = book.of(code, regions.cityCode());
                if (digest == null || !digest.enabled()) {
                    continue;
                }
                ofRule = digests.writeToday(digest, today, now, sendAt);
            } else {
                RulePass pass = new RulePass(code, book);
                if (!pass.anyEnabled()) {
                    continue;
                }
                ofRule = switch (code) {
                    case CAMPAIGN_DEADLINE -> campaignDeadline(pass, today, now, sendAt);
                    case OPENING_WINDOW -> openingWindow(pass, today, now, sendAt);
                    case REJECTED_IDLE -> rejectedIdle(pass, today, now, sendAt);
                    case OVERDUE -> overdue(pass, today, now, sendAt);
                    case ANNUAL_RECONFIRMATION -> annual(pass, today, now, sendAt);
                    case STAFF_DIGEST -> throw new IllegalStateException();
                };
            }
            metrics.considered(code, ofRule);
            considered += ofRule;
        }
        log.info("Reminder scan: day={} candidates={}", today, considered);
        return considered;
    }

    /**
     * Filings due on the end of one of their campaigns: the city-wide campaigns' ends for filings of every county, a
     * county's own campaigns' ends for that county's filings only (one pass per county with campaigns of its own).
     */
    private int campaignDeadline(RulePass rule, LocalDate today, LocalDateTime now, LocalDateTime sendAt) {
        Map<String, Set<LocalDate>> endsByCounty = new HashMap<>();
        for (Campaign campaign : campaigns.all()) {
            endsByCounty.computeIfAbsent(campaign.countyCode(), county -> new HashSet<>()).add(campaign.endsOn());
        }
        Set<LocalDate> citywide = endsByCounty.getOrDefault(null, Set.of());
        int considered = 0;
        for (var entry : endsByCounty.entrySet()) {
            String county = entry.getKey();
            Set<LocalDate> ends = new HashSet<>(entry.getValue());
            if (county != null) {
                ends.removeAll(citywide);
            }
            considered += forEachDueStep(rule, today, (deadline, step) -> deadline.minusDays(step),
                    (fired, step) -> fired.plusDays(step), (step, days) -> {
                        List<LocalDate> open = days.stream().filter(ends::contains).filter(d -> !d.isBefore(today)).toList();
                        return after -> filings.unfinishedDueOn(open, county, after, properties.batch());
                    }, ReminderCandidate::dueOn, (candidate, step) -> values(candidate, today), now, sendAt);
        }
        return considered;
    }

    private int openingWindow(RulePass rule, LocalDate today, LocalDateTime now, LocalDateTime sendAt) {
        return forEachDueStep(rule, today, (opened, step) -> opened.plusDays(step), (fired, step) -> fired.minusDays(step),
                (step, days) -> after -> filings.unfinishedOpenedOn(days, after, properties.batch()).stream()
                        .filter(c -> c.dueOn() != null && !c.dueOn().isBefore(today)).toList(),
                ReminderCandidate::openedOn, (candidate, step) -> {
                    Map<String, String> values = values(candidate, today);
                    values.put("开通日期", NoticeTexts.date(candidate.openedOn()));
                    values.put("已开通天数", String.valueOf(ChronoUnit.DAYS.between(candidate.openedOn(), today)));
                    return values;
                }, now, sendAt);
    }

    private int rejectedIdle(RulePass rule, LocalDate today, LocalDateTime now, LocalDateTime sendAt) {
        return forEachDueStep(rule, today, (rejected, step) -> rejected.plusDays(step), (fired, step) -> fired.minusDays(step),
                (step, days) -> after -> decidedOn(FilingStatus.REJECTED, days, after), this::decisionDay,
                (candidate, step) -> {
                    Map<String, String> values = values(candidate, today);
                    values.put("退回日期", NoticeTexts.date(decisionDay(candidate)));
                    values.put("退回原因", NoticeTexts.cut(candidate.rejectionReason() == null ? "未说明" : candidate.rejectionReason(), 100));
                    return values;
                }, now, sendAt);
    }

    private int overdue(RulePass rule, LocalDate today, LocalDateTime now, LocalDateTime sendAt) {
        return forEachDueStep(rule, today, (due, step) -> due.plusDays(step), (fired, step) -> fired.minusDays(step),
                (step, days) -> after -> filings.unfinishedDueOn(days, after, properties.batch()), ReminderCandidate::dueOn,
                (candidate, step) -> {
                    Map<String, String> values = values(candidate, today);
                    values.put("已逾期天数", String.valueOf(ChronoUnit.DAYS.between(candidate.dueOn(), today)));
                    return values;
                }, now, sendAt);
    }

    /** Offsets are days before the anniversary of the approval; the occasion is the anniversary itself. */
    private int annual(RulePass rule, LocalDate today, LocalDateTime now, LocalDateTime sendAt) {
        int considered = 0;
        for (var entry : rule.due(today, properties.catchUpDays(), (anniversary, step) -> anniversary.minusDays(step),
                (fired, step) -> fired.plusDays(step)).entrySet()) {
            int step = entry.getKey();
            for (LocalDate anniversary : entry.getValue()) {
                for (int years = 1; years <= YEARS_BACK; years++) {
                    LocalDate approvedOn = anniversary.minusYears(years);
                    int age = years;
                    considered += write(rule, step, after -> decidedOn(FilingStatus.APPROVED, List.of(approvedOn), after),
                            candidate -> anniversary, candidate -> {
                                Map<String, String> values = values(candidate, today);
                                values.put("备案编号", candidate.filingNumber() == null ? "—" : candidate.filingNumber());
                                values.put("年数", String.valueOf(age));
                                return values;
                            }, now, sendAt);
                }
            }
        }
        return considered;
    }

    private int forEachDueStep(RulePass rule, LocalDate today, BiFunction<LocalDate, Integer, LocalDate> trigger,
            BiFunction<LocalDate, Integer, LocalDate> occasionOf, BiFunction<Integer, List<LocalDate>, Source> source,
            Function<ReminderCandidate, LocalDate> occasion,
            BiFunction<ReminderCandidate, Integer, Map<String, String>> values, LocalDateTime now, LocalDateTime sendAt) {
        int considered = 0;
        for (var entry : rule.due(today, properties.catchUpDays(), trigger, occasionOf).entrySet()) {
            int step = entry.getKey();
            List<LocalDate> days = List.copyOf(entry.getValue());
            Source candidates = source.apply(step, days);
            considered += write(rule, step, candidates, occasion, candidate -> values.apply(candidate, step), now, sendAt);
        }
        return considered;
    }

    /** Pages through the candidates of one step, writing a notice per candidate (new keys only). */
    private int write(RulePass rule, int step, Source candidates, Function<ReminderCandidate, LocalDate> occasion,
            Function<ReminderCandidate, Map<String, String>> values, LocalDateTime now, LocalDateTime sendAt) {
        int considered = 0;
        long after = 0;
        while (true) {
            List<ReminderCandidate> page = candidates.apply(after);
            if (page.isEmpty()) {
                return considered;
            }
            List<NewNotice> batch = new ArrayList<>(page.size());
            for (ReminderCandidate candidate : page) {
                LocalDate on = occasion.apply(candidate);
                Rule ofCounty = rule.remindedBy(candidate.countyCode(), step, on);
                if (ofCounty == null) {
                    continue; // its county's rule is off, or has no such step due
                }
                Map<String, String> filled = values.apply(candidate);
                batch.add(new NewNotice(NewNotice.REMINDER, rule.code().name(), candidate.filingId(), candidate.operatorId(),
                        on, step, null, NoticeTexts.fill(ofCounty.title(), filled),
                        NoticeTexts.fill(ofCounty.body(), filled)));
            }
            notices.insertNew(batch, sendAt, now);
            considered += batch.size();
            after = page.get(page.size() - 1).filingId();
            if (page.size() < properties.batch()) {
                return considered;
            }
        }
    }

    /** Filings whose last decision (to {@code status}) fell on one of these Beijing days. */
    private List<ReminderCandidate> decidedOn(FilingStatus status, List<LocalDate> days, long after) {
        List<ReminderCandidate> found = new ArrayList<>();
        for (LocalDate day : days) {
            found.addAll(filings.decidedBetween(status, startUtc(day), startUtc(day.plusDays(1)), after, properties.batch()));
        }
        found.sort(Comparator.comparingLong(ReminderCandidate::filingId));
        return found.size() > properties.batch() ? found.subList(0, properties.batch()) : found;
    }

    private LocalDate decisionDay(ReminderCandidate candidate) {
        return candidate.decidedAt().atOffset(ZoneOffset.UTC).atZoneSameInstant(TimeConfiguration.DISPLAY_ZONE).toLocalDate();
    }

    private static LocalDateTime startUtc(LocalDate day) {
        return day.atStartOfDay(TimeConfiguration.DISPLAY_ZONE).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }

    static Map<String, String> values(ReminderCandidate candidate, LocalDate today) {
        Map<String, String> values = new HashMap<>();
        values.put("公众号", candidate.accountName());
        values.put("截止日期", NoticeTexts.date(candidate.dueOn()));
        values.put("剩余天数", candidate.dueOn() == null ? "—" : String.valueOf(Math.max(0, ChronoUnit.DAYS.between(today, candidate.dueOn()))));
        return values;
    }
}
