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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "网信办信息", description = "办公地址、联系人、备案须知与集中登记备案期")
@RestController
class OfficeController {

    private final OfficeDirectory office;
    private final FilingCampaigns campaigns;
    private final FilingProperties filing;
    private final Clock clock;

    OfficeController(OfficeDirectory office, FilingCampaigns campaigns, FilingProperties filing, Clock clock) {
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

    @Operation(summary = "网信办信息", description = "无需登录。")
    @GetMapping("/api/mini/office")
    OfficeInformation information() {
        List<Campaign> all = campaigns.all();
        LocalDate today = Times.today(clock);
        Campaign current = all.stream().filter(c -> !c.endsOn().isBefore(today)).findFirst().orElse(null);
        return new OfficeInformation(office.profile(), all, current, filing.daysAfterOpening());
    }
}
