package cn.cac.gzh.reminder.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.cac.gzh.audit.AuditEntry;
import cn.cac.gzh.audit.AuditTrail;
import cn.cac.gzh.common.db.RetryTransientFailures;
import cn.cac.gzh.common.DomainException;
import cn.cac.gzh.region.RegionCodes;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Administrators' changes to the rules: checked, versioned, audited in the same transaction. */
@Service
class RuleAdministration {

    static final int MAX_OFFSETS = 6;
    static final int MAX_OFFSET_DAYS = 365;

    /** A change as the administrator sent it. */
    record Change(boolean enabled, List<Integer> offsets, String title, String body, int version) {
    }

    /** What a notice of a rule would say, with sample values. */
    record Preview(String title, String summary, String body) {
    }

    private final RuleStore rules;
    private final AuditTrail audit;
    private final Clock clock;

    RuleAdministration(RuleStore rules, AuditTrail audit, Clock clock) {
        this.rules = rules;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Writes {@code office}'s own row of a rule: the city's (the default) or a county's override. A county's first
     * change of an inherited rule (read with version 0) creates its row; after that, versions as usual.
     */
    @Transactional
    @RetryTransientFailures
    public Rule update(String code, String office, Change change, long staffId, String clientIp) {
        RuleCode rule = parse(code);
        boolean county = !RegionCodes.isCity(office);
        if (county && rule == RuleCode.STAFF_DIGEST) {
            throw citywideOnly();
        }
        check(rule, change.offsets(), change.title(), change.body());
        List<Integer> offsets = change.offsets().stream().distinct().sorted().toList();
        LocalDateTime now = LocalDateTime.now(clock);
        String title = change.title().strip();
        String body = change.body().strip();
        boolean written = rules.update(rule, office, change.enabled(), offsets, title, body, staffId, now, change.version());
        if (!written && county && change.version() == 0) {
            // the county's first change of the inherited rule: its own row (none written if another came first)
            written = rules.insert(rule, office, change.enabled(), offsets, title, body, staffId, now);
        }
        if (!written) {
            throw DomainException.conflict("RULE_CHANGED", "该规则已被他人修改，请刷新后再改");
        }
        audit.record(new AuditEntry("STAFF", staffId, "REMINDER_RULE_UPDATE", "REMINDER_RULE", office + "/" + rule.name(),
                "county=" + office + " enabled=" + change.enabled() + " offsets=" + RuleStore.formatOffsets(offsets), clientIp));
        return rules.own(rule, office).orElseThrow();
    }

    /**
     * Drops a county's own row of a rule: its filings follow the city's again. Nothing to drop is fine (nothing is
     * written); the city's rows are everyone's default and stay (400 {@code CITY_RULE_KEPT}).
     */
    @Transactional
    @RetryTransientFailures
    public void reset(String code, String office, long staffId, String clientIp) {
        RuleCode rule = parse(code);
        if (RegionCodes.isCity(office)) {
            throw DomainException.invalid("CITY_RULE_KEPT", "全市设置是各县（区）的默认设置，不能恢复，只能修改");
        }
        if (rules.delete(rule, office)) {
            audit.record(new AuditEntry("STAFF", staffId, "REMINDER_RULE_RESET", "REMINDER_RULE", office + "/" + rule.name(),
                    "county=" + office + " 恢复为全市设置", clientIp));
        }
    }

    Preview preview(String code, String title, String body) {
        RuleCode rule = parse(code);
        check(rule, List.of(0), title, body);
        Map<String, String> sample = sampleValues();
        String filledBody = NoticeTexts.cut(NoticeTexts.fill(body.strip(), sample), NoticeTexts.BODY_LIMIT);
        return new Preview(NoticeTexts.cut(NoticeTexts.fill(title.strip(), sample), NoticeTexts.TITLE_LIMIT),
                NoticeTexts.cut(filledBody, NoticeTexts.SUMMARY_LIMIT), filledBody);
    }

    /** The values a preview shows for every placeholder. */
    static Map<String, String> sampleValues() {
        Map<String, String> sample = new LinkedHashMap<>();
        sample.put("公众号", "睢县示例公众号");
        sample.put("截止日期", "2026年8月10日");
        sample.put("剩余天数", "3");
        sample.put("开通日期", "2026年7月1日");
        sample.put("已开通天数", "20");
        sample.put("退回日期", "2026年7月28日");
        sample.put("退回原因", "身份证复印件不清晰，请重新上传");
        sample.put("已逾期天数", "1");
        sample.put("备案编号", "411422-2025-00042");
        sample.put("年数", "1");
        sample.put("日期", "2026年8月11日");
        sample.put("数量", "3");
        sample.put("名单", "示例公众号甲、示例公众号乙、示例公众号丙");
        return sample;
    }

    private static void check(RuleCode rule, List<Integer> offsets, String title, String body) {
        if (title == null || title.isBlank()) {
            throw DomainException.invalid("TITLE_REQUIRED", "请填写标题");
        }
        if (body == null || body.isBlank()) {
            throw DomainException.invalid("BODY_REQUIRED", "请填写正文");
        }
        if (title.strip().length() > NoticeTexts.TITLE_LIMIT) {
            throw DomainException.invalid("TITLE_TOO_LONG", "标题不能超过" + NoticeTexts.TITLE_LIMIT + "字");
        }
        if (body.strip().length() > NoticeTexts.BODY_LIMIT - 200) {
            // leave room for the filled-in values (an account name, a rejection reason)
            throw DomainException.invalid("BODY_TOO_LONG", "正文不能超过" + (NoticeTexts.BODY_LIMIT - 200) + "字");
        }
        if (offsets == null || offsets.isEmpty() || offsets.size() > MAX_OFFSETS
                || offsets.stream().anyMatch(o -> o == null || o < 0 || o > MAX_OFFSET_DAYS)) {
            throw DomainException.invalid("OFFSETS_INVALID", "提醒时间须为1到" + MAX_OFFSETS + "个0到" + MAX_OFFSET_DAYS + "之间的天数");
        }
        Set<String> unknown = new HashSet<>(NoticeTexts.placeholders(title + body));
        unknown.removeAll(rule.placeholders());
        if (!unknown.isEmpty()) {
            throw DomainException.invalid("UNKNOWN_PLACEHOLDER", "不认识的占位符：" + String.join("、", unknown.stream().sorted()
                    .map(p -> "{" + p + "}").toList()) + "；此规则可用：" + String.join("、", rule.placeholders().stream()
                    .map(p -> "{" + p + "}").toList()));
        }
    }

    private static RuleCode parse(String code) {
        try {
            return RuleCode.valueOf(code);
        } catch (IllegalArgumentException e) {
            throw notFound();
        }
    }

    static DomainException citywideOnly() {
        return DomainException.invalid("RULE_CITYWIDE", "逾期日报由市网信办统一设置，县（区）不能单独设置");
    }

    private static DomainException notFound() {
        return DomainException.notFound("RULE_NOT_FOUND", "提醒规则不存在");
    }
}
