package cn.cac.gzh.console.internal;

import java.time.LocalDate;
import java.util.List;

import cn.cac.gzh.audit.AuditEntry;
import cn.cac.gzh.audit.AuditTrail;
import cn.cac.gzh.common.DomainException;
import cn.cac.gzh.common.db.RetryingTransactions;
import cn.cac.gzh.console.CurrentStaff;
import cn.cac.gzh.filing.Campaign;
import cn.cac.gzh.filing.CampaignAdministration;
import cn.cac.gzh.filing.FilingCampaigns;
import cn.cac.gzh.region.RegionCodes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
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
import org.springframework.web.bind.annotation.RequestParam;
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
    private final CountyDrillDown drillDown;

    ReferenceDataController(FilingCampaigns campaigns, CampaignAdministration campaignAdmin, AuditTrail audit,
            RetryingTransactions transactions, CountyDrillDown drillDown) {
        this.drillDown = drillDown;
        this.campaigns = campaigns;
        this.campaignAdmin = campaignAdmin;
        this.audit = audit;
        this.transactions = transactions;
    }

    /** {@code countyCode}: only when creating; the city office's choice (blank: every county), a county office's own. */
    record CampaignRequest(@NotBlank @Size(max = 100) String name, @NotNull LocalDate startsOn, @NotNull LocalDate endsOn,
            @Schema(description = "适用的县（区）代码，仅新增时有效；全市账号不填为全市适用") @Size(max = 6) String countyCode) {
    }

    @Operation(summary = "集中登记备案期列表", description = "县级账号：全市的与本县（区）的；全市账号：全部，county 只看全市的与该县（区）的。"
            + "错误码：COUNTY_UNKNOWN、SCOPE_FORBIDDEN。")
    @GetMapping("/campaigns")
    List<Campaign> campaigns(@AuthenticationPrincipal CurrentStaff staff,
            @Parameter(description = CountyDrillDown.PARAMETER) @RequestParam(required = false) String county) {
        String office = drillDown.office(staff, county);
        return RegionCodes.isCity(office) ? campaigns.all() : campaigns.ofCounty(office);
    }

    @Operation(summary = "新增集中登记备案期", description = "保存后在后台重新计算相关备案的截止日期。县级账号新增的只适用于本县（区）；"
            + "全市账号不填 countyCode 为全市各县（区）适用，填写则只适用于该县（区）。"
            + "错误码：CAMPAIGN_DATES_INVALID、COUNTY_UNKNOWN、SCOPE_FORBIDDEN。")
    @PostMapping("/campaigns")
    @ResponseStatus(HttpStatus.CREATED)
    Campaign createCampaign(@AuthenticationPrincipal CurrentStaff staff, @Valid @RequestBody CampaignRequest request,
            HttpServletRequest http) {
        String office = drillDown.office(staff, request.countyCode());
        String county = RegionCodes.isCity(office) ? null : office;
        return transactions.execute("createCampaign", () -> {
            Campaign campaign = campaignAdmin.create(county, request.name(), request.startsOn(), request.endsOn());
            record(staff, "CAMPAIGN_CREATED", "CAMPAIGN", String.valueOf(campaign.id()), countyDetail(county), http);
            return campaign;
        });
    }

    @Operation(summary = "修改集中登记备案期", description = "适用范围（countyCode）不可修改。县级账号只能修改本县（区）的。"
            + "错误码：CAMPAIGN_DATES_INVALID、CAMPAIGN_NOT_FOUND（含其他县（区）的）、SCOPE_FORBIDDEN（县级账号修改全市的）。")
    @PutMapping("/campaigns/{id}")
    Campaign updateCampaign(@AuthenticationPrincipal CurrentStaff staff, @PathVariable long id,
            @Valid @RequestBody CampaignRequest request, HttpServletRequest http) {
        // the change and its audit entry commit together or not at all
        return transactions.execute("updateCampaign", () -> {
            Campaign before = requireEditable(staff, id);
            Campaign campaign = campaignAdmin.update(id, request.name(), request.startsOn(), request.endsOn());
            record(staff, "CAMPAIGN_UPDATED", "CAMPAIGN", String.valueOf(id), countyDetail(before.countyCode()), http);
            return campaign;
        });
    }

    @Operation(summary = "删除集中登记备案期", description = "县级账号只能删除本县（区）的。"
            + "错误码：CAMPAIGN_NOT_FOUND（含其他县（区）的）、SCOPE_FORBIDDEN（县级账号删除全市的）。")
    @DeleteMapping("/campaigns/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteCampaign(@AuthenticationPrincipal CurrentStaff staff, @PathVariable long id, HttpServletRequest http) {
        transactions.run("deleteCampaign", () -> {
            Campaign before = requireEditable(staff, id);
            campaignAdmin.delete(id);
            record(staff, "CAMPAIGN_DELETED", "CAMPAIGN", String.valueOf(id), countyDetail(before.countyCode()), http);
        });
    }

    /**
     * The city office changes any campaign; a county office its own county's only: another county's looks missing
     * (it is not in its list either), a city-wide one (in its list) is 403.
     */
    private Campaign requireEditable(CurrentStaff staff, long id) {
        Campaign campaign = campaigns.find(id).orElseThrow(ReferenceDataController::campaignNotFound);
        if (staff.citywide() || staff.scopeCode().equals(campaign.countyCode())) {
            return campaign;
        }
        if (campaign.countyCode() == null) {
            throw DomainException.forbidden("SCOPE_FORBIDDEN", "全市的集中登记备案期由市委网信办管理");
        }
        throw campaignNotFound();
    }

    private static DomainException campaignNotFound() {
        return DomainException.notFound("CAMPAIGN_NOT_FOUND", "集中登记备案期不存在");
    }

    private static String countyDetail(String county) {
        return county == null ? "全市" : "county=" + county;
    }

    private void record(CurrentStaff staff, String action, String targetType, String targetId, String detail,
            HttpServletRequest http) {
        audit.record(new AuditEntry("STAFF", staff.id(), action, targetType, targetId, detail, http.getRemoteAddr()));
    }
}
