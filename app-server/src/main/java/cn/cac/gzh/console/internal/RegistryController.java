package cn.cac.gzh.console.internal;

import java.time.LocalDate;

import cn.cac.gzh.console.CurrentStaff;
import cn.cac.gzh.filing.FilingRegistry;
import cn.cac.gzh.filing.FilingStatus;
import cn.cac.gzh.filing.FormType;
import cn.cac.gzh.filing.RegistryPage;
import cn.cac.gzh.filing.RegistryQuery;
import cn.cac.gzh.filing.RegistryStats;
import cn.cac.gzh.filing.StaffFilingView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "控制台-台账", description = "审核员和管理员：备案台账检索与统计")
@RestController
class RegistryController {

    private final FilingRegistry registry;
    private final CountyDrillDown drillDown;

    RegistryController(FilingRegistry registry, CountyDrillDown drillDown) {
        this.registry = registry;
        this.drillDown = drillDown;
    }

    @Operation(summary = "备案台账检索", description = "text 按前缀匹配：gh_ 开头查原始ID，411422- 开头查备案编号，纯字母数字查微信号，其他查公众号名称；subject 按前缀匹配单位或个人名称；materialMismatch=true 只看材料自动核对发现不一致的备案；sort 可为 createdAt、dueOn、accountName、filingNumber、submittedAt，前加 - 为倒序；"
            + "county 只看一个县（区）（全市账号）。错误码：COUNTY_UNKNOWN、SCOPE_FORBIDDEN、SORT_NOT_SUPPORTED。")
    @GetMapping("/api/console/registry")
    RegistryPage search(@AuthenticationPrincipal CurrentStaff staff,
            @Parameter(description = CountyDrillDown.PARAMETER) @RequestParam(required = false) String county,
            @RequestParam(required = false) String text, @RequestParam(required = false) String subject,
            @RequestParam(required = false) FilingStatus status,
            @RequestParam(required = false) String township, @RequestParam(required = false) FormType formType,
            @RequestParam(required = false) Long operatorId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueTo,
            @RequestParam(required = false) Boolean overdue, @RequestParam(required = false) Boolean materialMismatch,
            @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size) {
        drillDown.narrow(staff, county);
        return registry.search(new RegistryQuery(text, subject, status, township, formType, operatorId, dueFrom, dueTo, overdue,
                materialMismatch, null, sort, page, size));
    }

    @Operation(summary = "台账中的备案详情")
    @GetMapping("/api/console/registry/{id}")
    StaffFilingView detail(@PathVariable long id) {
        return registry.requireDetail(id);
    }

    @Operation(summary = "统计概览", description = "按状态、乡镇、主体类型计数，逾期和待收纸质材料数；byCounty 为各县（区）的备案总数、"
            + "待审核、已备案、逾期未备案（全市账号为本市每个县（区）一行，县级账号或带 county 时只有该县（区）一行）。"
            + "错误码：COUNTY_UNKNOWN、SCOPE_FORBIDDEN。")
    @GetMapping("/api/console/dashboard")
    RegistryStats dashboard(@AuthenticationPrincipal CurrentStaff staff,
            @Parameter(description = CountyDrillDown.PARAMETER) @RequestParam(required = false) String county) {
        drillDown.narrow(staff, county);
        return registry.stats();
    }
}
