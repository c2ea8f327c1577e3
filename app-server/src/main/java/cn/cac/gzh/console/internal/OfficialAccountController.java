package cn.cac.gzh.console.internal;

import cn.cac.gzh.audit.AuditEntry;
import cn.cac.gzh.audit.AuditTrail;
import java.util.List;
import java.util.Map;

import cn.cac.gzh.common.db.RetryingTransactions;
import cn.cac.gzh.console.CurrentStaff;
import cn.cac.gzh.officialaccount.OfficialAccountAdministration;
import cn.cac.gzh.officialaccount.ReplyTextAdministration;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The office's official account. It is one account for the whole city: its menu and the follower sync are the city
 * office's; its reply texts are the city's with each county's own versions.
 */
@Tag(name = "控制台-公众号", description = "管理员：发布公众号菜单、同步关注者（市级）、各网信办的自动回复")
@RestController
@RequestMapping("/api/console/admin/official-account")
class OfficialAccountController {

    private final OfficialAccountAdministration account;
    private final ReplyTextAdministration replies;
    private final CountyDrillDown offices;
    private final AuditTrail audit;
    private final RetryingTransactions transactions;

    OfficialAccountController(OfficialAccountAdministration account, ReplyTextAdministration replies, CountyDrillDown offices,
            AuditTrail audit, RetryingTransactions transactions) {
        this.account = account;
        this.replies = replies;
        this.offices = offices;
        this.audit = audit;
        this.transactions = transactions;
    }

    record MenuView(String menu) {
    }

    @Schema(description = "一个网信办的自动回复")
    record RepliesView(@Schema(description = "县（区）代码或市代码") String regionCode, List<ReplyTextAdministration.ReplyText> texts) {
    }

    record RepliesRequest(@Schema(description = "按代码（WELCOME、HOW_TO_FILE、POLICY、HELP）给出新内容；县（区）留空即恢复为市级的")
            @NotNull Map<String, String> texts) {
    }

    @Operation(summary = "自动回复", description = "关注者收到的自动回复：关注者所在县（区）（其最近一次备案所属）自己的版本，否则市级的。"
            + "县级账号看本县（区）的；市级账号不填 county 为市级的。错误码：COUNTY_UNKNOWN、SCOPE_FORBIDDEN。")
    @GetMapping("/replies")
    RepliesView replies(@AuthenticationPrincipal CurrentStaff staff,
            @Parameter(description = CountyDrillDown.PARAMETER) @RequestParam(required = false) String county) {
        String office = offices.office(staff, county);
        return new RepliesView(office, replies.of(office));
    }

    @Operation(summary = "修改自动回复", description = "只改请求中给出的几项，全部有效才保存，30秒内生效。"
            + "错误码：REPLY_CODE_UNKNOWN、REPLY_TEXT_TOO_LONG、REPLY_TEXT_REQUIRED（市级的不能为空）、COUNTY_UNKNOWN、SCOPE_FORBIDDEN。")
    @PutMapping("/replies")
    RepliesView replaceReplies(@AuthenticationPrincipal CurrentStaff staff, @Valid @RequestBody RepliesRequest request,
            @Parameter(description = CountyDrillDown.PARAMETER) @RequestParam(required = false) String county,
            HttpServletRequest http) {
        String office = offices.office(staff, county);
        transactions.run("replaceReplies", () -> {
            replies.replace(office, request.texts());
            audit.record(new AuditEntry("STAFF", staff.id(), "OA_REPLIES_UPDATED", "COUNTY", office,
                    "codes=" + new java.util.TreeSet<>(request.texts().keySet()), http.getRemoteAddr()));
        });
        return new RepliesView(office, replies.of(office));
    }

    @Operation(summary = "发布公众号菜单", description = "仅市级管理员（全市共用一个公众号）。我要备案（打开小程序）、政策通知、联系我们。"
            + "错误码：WECHAT_UNAVAILABLE、SCOPE_FORBIDDEN。")
    @PostMapping("/menu")
    MenuView publishMenu(@AuthenticationPrincipal CurrentStaff staff, HttpServletRequest http) {
        requireCity(staff);
        String menu = account.publishMenu();
        audit.record(new AuditEntry("STAFF", staff.id(), "OA_MENU_PUBLISHED", "OFFICIAL_ACCOUNT", "menu", null, http.getRemoteAddr()));
        return new MenuView(menu);
    }

    @Operation(summary = "立即同步关注者", description = "仅市级管理员。分页拉取关注者列表并批量获取用户信息，按 unionid 关联运营者"
            + "（另有定时任务，每个集群只运行一次）。错误码：SCOPE_FORBIDDEN。")
    @PostMapping("/followers/sync")
    OfficialAccountAdministration.SyncResult syncFollowers(@AuthenticationPrincipal CurrentStaff staff) {
        requireCity(staff);
        return account.syncFollowers();
    }

    private static void requireCity(CurrentStaff staff) {
        CountyDrillDown.requireCity(staff, "全市共用一个公众号，其菜单和关注者由市级管理员管理");
    }
}
