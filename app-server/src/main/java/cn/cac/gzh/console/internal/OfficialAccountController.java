package cn.cac.gzh.console.internal;

import cn.cac.gzh.audit.AuditEntry;
import cn.cac.gzh.audit.AuditTrail;
import cn.cac.gzh.console.CurrentStaff;
import cn.cac.gzh.officialaccount.OfficialAccountAdministration;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "控制台-公众号", description = "管理员：发布公众号菜单、同步关注者")
@RestController
@RequestMapping("/api/console/admin/official-account")
class OfficialAccountController {

    private final OfficialAccountAdministration account;
    private final AuditTrail audit;

    OfficialAccountController(OfficialAccountAdministration account, AuditTrail audit) {
        this.account = account;
        this.audit = audit;
    }

    record MenuView(String menu) {
    }

    @Operation(summary = "发布公众号菜单", description = "我要备案（打开小程序）、政策通知、联系我们。错误码：WECHAT_UNAVAILABLE。")
    @PostMapping("/menu")
    MenuView publishMenu(@AuthenticationPrincipal CurrentStaff staff, HttpServletRequest http) {
        String menu = account.publishMenu();
        audit.record(new AuditEntry("STAFF", staff.id(), "OA_MENU_PUBLISHED", "OFFICIAL_ACCOUNT", "menu", null, http.getRemoteAddr()));
        return new MenuView(menu);
    }

    @Operation(summary = "立即同步关注者", description = "分页拉取关注者列表并批量获取用户信息，按 unionid 关联运营者（另有定时任务，每个集群只运行一次）。")
    @PostMapping("/followers/sync")
    OfficialAccountAdministration.SyncResult syncFollowers() {
        return account.syncFollowers();
    }
}
