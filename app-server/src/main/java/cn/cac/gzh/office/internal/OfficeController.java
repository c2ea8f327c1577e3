package cn.cac.gzh.office.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import cn.cac.gzh.common.Times;
import cn.cac.gzh.filing.Campaign;
import cn.cac.gzh.filing.FilingCampaigns;
import cn.cac.gzh.filing.FilingProperties;
import cn.cac.gzh.office.OfficeDirectory;
import cn.cac.gzh.office.OfficeProfile;
import cn.cac.gzh.region.RegionDirectory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "网信办信息", description = "办公地址、联系人、备案须知与集中登记备案期")
@RestController
class OfficeController {

    private final OfficeDirectory office;
    private final FilingCampaigns campaigns;
    private final FilingProperties filing;
    private final RegionDirectory regions;
    private final Clock clock;

    OfficeController(OfficeDirectory office, FilingCampaigns campaigns, FilingProperties filing, RegionDirectory regions,
            Clock clock) {
        this.regions = regions;
        this.office = office;
        this.campaigns = campaigns;
        this.filing = filing;
        this.clock = clock;
    }

    @Schema(description = "网信办信息与备案期限")
    record OfficeInformation(OfficeProfile office, List<Campaign> campaigns,
            @Schema(description = "正在进行或即将开始的集中登记备案期，没有则为 null") Campaign currentCampaign,
            @Schema(description = "新开通公众号应在开通后多少日内备案") int daysAfterOpening) {
    }

    @Operation(summary = "网信办信息", description = "无需登录。county：运营者所在（或所选）县（区）的代码，不填为默认县（区）；"
            + "该县（区）没有单独填写的网信办信息时显示市委网信办的。集中登记备案期为全市的与该县（区）的。"
            + "错误码：COUNTY_UNKNOWN（400，所选县（区）不在本平台服务范围内）。")
    @GetMapping("/api/mini/office")
    OfficeInformation information(@Parameter(description = "县（区）代码，如 411421") @RequestParam(required = false) String county) {
        String code = county == null || county.isBlank() ? regions.defaultCountyCode() : county.strip();
        regions.requireCounty(code);
        List<Campaign> all = campaigns.ofCounty(code);
        LocalDate today = Times.today(clock);
        Campaign current = all.stream().filter(c -> !c.endsOn().isBefore(today)).findFirst().orElse(null);
        return new OfficeInformation(office.profile(code), all, current, filing.daysAfterOpening());
    }
}
