package cn.cac.gzh.reminder.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;

import cn.cac.gzh.audit.AuditEntry;
import cn.cac.gzh.audit.AuditTrail;
import cn.cac.gzh.common.Times;
import cn.cac.gzh.console.CurrentStaff;
import cn.cac.gzh.console.StaffOffice;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "控制台-提醒规则", description = "管理员：自动提醒的开关、时间和文字")
@RestController
@RequestMapping("/api/console/admin/reminder-rules")
class ReminderRulesController {

    private final RuleStore rules;
    private final RuleAdministration administration;
    private final ReminderScan scan;
    private final NoticeDispatch dispatch;
    private final AuditTrail audit;
    private final ReminderProperties properties;
    private final Clock clock;
    private final StaffOffice offices;

    ReminderRulesController(RuleStore rules, RuleAdministration administration, ReminderScan scan, NoticeDispatch dispatch,
            AuditTrail audit, ReminderProperties properties, Clock clock, StaffOffice offices) {
        this.offices = offices;
        this.properties = properties;
        this.clock = clock;
        this.rules = rules;
        this.administration = administration;
        this.scan = scan;
        this.dispatch = dispatch;
        this.audit = audit;
    }

    /**
     * What a run did; {@code null} figures: another instance was running that job at the moment.
     * {@code quietUntil}: it is quiet hours, so what was found waits until then.
     */
    record RunResult(Integer candidates, Integer sent, Integer cancelled, Integer digests, OffsetDateTime quietUntil) {
    }

    /**
     * A rule as it applies to an office. {@code inherited}: a county without its own row follows the city's
     * (沿用全市设置); its {@code version} is then 0, and saving creates the county's own row. {@code citywideOnly}: only
     * the city office sets it (the staff's overdue digest).
     */
    record RuleView(String code, String name, String offsetMeaning, List<String> placeholders, boolean enabled,
            List<Integer> offsets, String title, String body, OffsetDateTime updatedAt, int version, String regionCode,
            boolean inherited, boolean citywideOnly) {

        static RuleView of(Rule rule, String office) {
            boolean inherited = !rule.regionCode().equals(office);
            return new RuleView(rule.code().name(), rule.code().label(), rule.code().offsetMeaning(),
                    rule.code().placeholders().stream().map(p -> "{" + p + "}").toList(), rule.enabled(), rule.offsets(),
                    rule.title(), rule.body(), Times.display(rule.updatedAt()), inherited ? 0 : rule.version(),
                    rule.regionCode(), inherited, rule.code() == RuleCode.STAFF_DIGEST);
        }
    }

    record RuleRequest(@NotNull Boolean enabled, @NotNull List<Integer> offsets, @NotNull String title, @NotNull String body,
            @NotNull Integer version) {
    }

    record PreviewRequest(@NotNull String title, @NotNull String body) {
    }

    @Operation(summary = "提醒规则列表", description = "本单位适用的提醒规则：全市账号不填 county 为全市设置（各县（区）的默认），"
            + "填 county 为该县（区）适用的规则；县（区）自己的设置 inherited=false，沿用全市设置的 inherited=true。")
    @GetMapping
    List<RuleView> list(@AuthenticationPrincipal CurrentStaff staff,
            @Parameter(description = StaffOffice.PARAMETER) @RequestParam(required = false) String county) {
        String office = offices.office(staff, county);
        return rules.forOffice(office).stream().map(rule -> RuleView.of(rule, office)).toList();
    }

    @Operation(summary = "修改提醒规则", description = "修改本单位（或全市账号所选县（区））自己的规则，带上读取时的 version；"
            + "县（区）沿用全市设置的规则 version 为 0，保存后成为该县（区）自己的设置。错误码：RULE_NOT_FOUND、"
            + "RULE_CHANGED（已被他人修改）、TITLE_REQUIRED、BODY_REQUIRED、TITLE_TOO_LONG、BODY_TOO_LONG、OFFSETS_INVALID、"
            + "UNKNOWN_PLACEHOLDER、RULE_CITYWIDE（逾期日报只能由全市设置）、COUNTY_UNKNOWN（400）、SCOPE_FORBIDDEN（403）。")
    @PutMapping("/{code}")
    RuleView update(@AuthenticationPrincipal CurrentStaff staff, @PathVariable String code,
            @Parameter(description = StaffOffice.PARAMETER) @RequestParam(required = false) String county,
            @Valid @RequestBody RuleRequest request, HttpServletRequest http) {
        String office = offices.office(staff, county);
        return RuleView.of(administration.update(code, office, new RuleAdministration.Change(request.enabled(),
                request.offsets(), request.title(), request.body(), request.version()), staff.id(), http.getRemoteAddr()),
                office);
    }

    @Operation(summary = "恢复为全市设置", description = "删除县（区）自己的规则，此后该县（区）沿用全市设置；本来就沿用的不变。"
            + "错误码：RULE_NOT_FOUND（404）、CITY_RULE_KEPT（400，全市设置不能恢复）、COUNTY_UNKNOWN（400）、SCOPE_FORBIDDEN（403）。")
    @DeleteMapping("/{code}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void reset(@AuthenticationPrincipal CurrentStaff staff, @PathVariable String code,
            @Parameter(description = StaffOffice.PARAMETER) @RequestParam(required = false) String county,
            HttpServletRequest http) {
        administration.reset(code, offices.office(staff, county), staff.id(), http.getRemoteAddr());
    }

    @Operation(summary = "立即检查并发送提醒", description = "平时每15分钟自动运行；修改规则后可立即运行一次。"
            + "已发过的提醒不会重发，免打扰时段内只登记、次日早上发送。")
    @PostMapping("/run")
    RunResult run(@AuthenticationPrincipal CurrentStaff staff, HttpServletRequest http) {
        audit.record(new AuditEntry("STAFF", staff.id(), "REMINDER_RUN", "REMINDER_RULE", "*", null, http.getRemoteAddr()));
        Integer candidates = scan.scan();
        NoticeDispatch.Outcome outcome = dispatch.dispatch();
        LocalDateTime now = LocalDateTime.now(clock);
        QuietHours quiet = QuietHours.of(properties);
        OffsetDateTime quietUntil = quiet.isQuiet(now) ? Times.display(quiet.nextAllowed(now)) : null;
        return outcome == null ? new RunResult(candidates, null, null, null, quietUntil)
                : new RunResult(candidates, outcome.sent(), outcome.cancelled(), outcome.digests(), quietUntil);
    }

    @Operation(summary = "预览提醒文字", description = "用示例数据填入占位符，不保存。错误码同修改。")
    @PostMapping("/{code}/preview")
    RuleAdministration.Preview preview(@PathVariable String code, @Valid @RequestBody PreviewRequest request) {
        return administration.preview(code, request.title(), request.body());
    }
}
