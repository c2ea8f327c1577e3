package cn.cac.gzh.reminder.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.cac.gzh.filing.FilingDeadlines;
import cn.cac.gzh.region.County;
import cn.cac.gzh.region.RegionDirectory;
import cn.cac.gzh.filing.ReminderCandidate;

import org.springframework.stereotype.Component;

/**
 * The staff's morning digest of accounts that became overdue since the previous one (due dates up to
 * yesterday, still a draft or sent back): one per region and day, the unique region and day decide who writes it.
 * The city office's digest counts the whole city; each county office's counts its own county's filings only, so a
 * county's staff never read another county's account names.
 */
@Component
class StaffDigests {

    /** A digest not further back than this when digests were missed. */
    private static final int MAX_DAYS_COVERED = 7;

    record Digest(long id, String regionCode, LocalDate digestOn, LocalDate coversFrom, LocalDate coversTo, int overdueCount, String title,
            String body, String status, LocalDateTime createdAt, LocalDateTime sentAt) {
    }

    /** A digest as one staff member sees it ({@code readAt} null: unread). */
    record Seen(Digest digest, LocalDateTime readAt) {
    }

    private final StaffDigestMapper digests;
    private final FilingDeadlines filings;
    private final ReminderProperties properties;
    private final RegionDirectory regions;

    StaffDigests(StaffDigestMapper digests, FilingDeadlines filings, ReminderProperties properties, RegionDirectory regions) {
        this.digests = digests;
        this.filings = filings;
        this.properties = properties;
        this.regions = regions;
    }

    /**
     * Writes today's digests (the city's, then each county's) unless they exist; returns the number of overdue filings
     * the city's counted (the whole city: each county's are part of it).
     */
    int writeToday(Rule rule, LocalDate today, LocalDateTime now, LocalDateTime sendAt) {
        int city = writeToday(regions.cityCode(), null, rule, today, now, sendAt);
        for (County county : regions.counties()) {
            writeToday(county.code(), county.code(), rule, today, now, sendAt);
        }
        return city;
    }

    /** One region's digest: {@code county} null counts the whole city. */
    private int writeToday(String region, String county, Rule rule, LocalDate today, LocalDateTime now, LocalDateTime sendAt) {
        if (digests.countOn(region, today) > 0) {
            return 0;
        }
        LocalDate to = today.minusDays(1);
        LocalDate last = digests.lastCoveredBefore(region, today);
        LocalDate from = last == null ? to : last.plusDays(1);
        if (from.isBefore(to.minusDays(MAX_DAYS_COVERED - 1L))) {
            from = to.minusDays(MAX_DAYS_COVERED - 1L);
        }
        List<LocalDate> days = from.isAfter(to) ? List.of() : DueSteps.days(from, to);
        int count = 0;
        List<String> names = new ArrayList<>();
        long after = 0;
        while (!days.isEmpty()) {
            List<ReminderCandidate> page = filings.unfinishedDueOn(days, county, after, properties.batch());
            count += page.size();
            page.stream().limit(Math.max(0, properties.digestNames() - names.size())).forEach(c -> names.add(c.accountName()));
            if (page.size() < properties.batch()) {
                break;
            }
            after = page.get(page.size() - 1).filingId();
        }
        String list = String.join("、", names) + (count > names.size() ? " 等" : "");
        Map<String, String> values = Map.of("日期", NoticeTexts.date(today), "数量", String.valueOf(count), "名单",
                count == 0 ? "无" : list);
        // nothing new overdue: the day is recorded (the next digest starts after it) but nobody is disturbed
        digests.insertIgnoringExisting(region, today, days.isEmpty() ? to : from, to, count,
                NoticeTexts.cut(NoticeTexts.fill(rule.title(), values), NoticeTexts.TITLE_LIMIT),
                NoticeTexts.cut(NoticeTexts.fill(rule.body(), values), NoticeTexts.BODY_LIMIT),
                count == 0 ? "EMPTY" : "PENDING", sendAt, now);
        return count;
    }

    /** Locks digests that may be sent now (other instances skip them). */
    List<Digest> claimDue(LocalDateTime now) {
        return digests.lockDue(now);
    }

    boolean markSent(long id, LocalDateTime now) {
        return digests.markSent(id, now) == 1;
    }

    /** The sent digests of a staff member's region (their scope), newest first, with whether they have read each. */
    List<Seen> forStaff(long staffId, String region, int limit) {
        return digests.sentNewestFirst(staffId, region, limit).stream()
                .map(row -> new Seen(new Digest(row.id(), row.regionCode(), row.digestOn(), row.coversFrom(), row.coversTo(), row.overdueCount(),
                        row.title(), row.body(), row.status(), row.createdAt(), row.sentAt()), row.readAt()))
                .toList();
    }

    int unread(long staffId, String region) {
        return digests.unread(staffId, region);
    }

    /** False when there is no such sent digest in the staff member's region. */
    boolean markRead(long digestId, long staffId, String region, LocalDateTime now) {
        if (digests.countSent(digestId, region) == 0) {
            return false;
        }
        digests.markRead(digestId, staffId, now);
        return true;
    }
}
