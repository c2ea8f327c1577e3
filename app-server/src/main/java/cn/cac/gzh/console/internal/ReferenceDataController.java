package cn.cac.gzh.console.internal;

import java.time.LocalDate;
import java.util.List;

import cn.cac.gzh.audit.AuditEntry;
import cn.cac.gzh.audit.AuditTrail;
import cn.cac.gzh.common.db.RetryingTransactions;
import cn.cac.gzh.console.CurrentStaff;
import cn.cac.gzh.filing.Campaign;
import cn.cac.gzh.filing.CampaignAdministration;
import cn.cac.gzh.filing.FilingCampaigns;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "控制台-基础数据", description = "管理员：集中登记备案期")
@RestController
@RequestMapping("/api/console/admin")
class ReferenceDataController {

    private final FilingCampaigns campaigns;
    private final CampaignAdministration campaignAdmin;
    private final AuditTrail audit;
    private final RetryingTransactions transactions;

    ReferenceDataController(FilingCampaigns campaigns, CampaignAdministration campaignAdmin, AuditTrail audit,
            RetryingTransactions transactions) {
        this.campaigns = campaigns;
        this.campaignAdmin = campaignAdmin;
        this.audit = audit;
        this.transactions = transactions;
    }

    record CampaignRequest(@NotBlank @Size(max = 100) String name, @NotNull LocalDate startsOn, @NotNull LocalDate endsOn) {
    }

    @Operation(summary = "集中登记备案期列表")
    @GetMapping("/campaigns")
    List<Campaign> campaigns() {
        return campaigns.all();
    }

    @Operation(summary = "新增集中登记备案期", description = "保存后在后台重新计算所有备案的截止日期。错误码：CAMPAIGN_DATES_INVALID。")
    @PostMapping("/campaigns")
    @ResponseStatus(HttpStatus.CREATED)
    Campaign createCampaign(@AuthenticationPrincipal CurrentStaff staff, @Valid @RequestBody CampaignRequest request,
            HttpServletRequest http) {
        return transactions.execute("createCampaign", () -> {
            Campaign campaign = campaignAdmin.create(request.name(), request.startsOn(), request.endsOn());
            record(staff, "CAMPAIGN_CREATED", "CAMPAIGN", String.valueOf(campaign.id()), http);
            return campaign;
        });
    }

    @Operation(summary = "修改集中登记备案期")
    @PutMapping("/campaigns/{id}")
    Campaign updateCampaign(@AuthenticationPrincipal CurrentStaff staff, @PathVariable long id,
            @Valid @RequestBody CampaignRequest request, HttpServletRequest http) {
        // the change and its audit entry commit together or not at all
        return transactions.execute("updateCampaign", () -> {
            Campaign campaign = campaignAdmin.update(id, request.name(), request.startsOn(), request.endsOn());
            record(staff, "CAMPAIGN_UPDATED", "CAMPAIGN", String.valueOf(id), http);
            return campaign;
        });
    }

    @Operation(summary = "删除集中登记备案期")
    @DeleteMapping("/campaigns/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteCampaign(@AuthenticationPrincipal CurrentStaff staff, @PathVariable long id, HttpServletRequest http) {
        transactions.run("deleteCampaign", () -> {
            campaignAdmin.delete(id);
            record(staff, "CAMPAIGN_DELETED", "CAMPAIGN", String.valueOf(id), http);
        });
    }

    private void record(CurrentStaff staff, String action, String targetType, String targetId, HttpServletRequest http) {
        audit.record(new AuditEntry("STAFF", staff.id(), action, targetType, targetId, null, http.getRemoteAddr()));
    }
}
