package cn.cac.gzh.console.internal;

import java.util.Optional;

import cn.cac.gzh.common.DomainException;
import cn.cac.gzh.console.CurrentStaff;
import cn.cac.gzh.console.StaffOffice;
import cn.cac.gzh.region.RegionDirectory;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The {@code county} parameter of the dashboard, the registry and the review queue: the city office narrows its
 * view to one county for this request. The code is checked here and kept as a request attribute, which
 * {@link StaffCallerScope} reads, so the narrowing itself stays the tenant-line rewrite's (the one place).
 */
@Component
class CountyDrillDown implements StaffOffice {

    static final String ATTRIBUTE = CountyDrillDown.class.getName() + ".county";

    /** The parameter's OpenAPI description. */
    static final String PARAMETER = "县（区）代码（如 411421）：全市账号只看该县（区）的数据；县级账号只能填本县（区）。"
            + "错误码：COUNTY_UNKNOWN（400，所选县（区）不在本平台服务范围内）、SCOPE_FORBIDDEN（403，只能查看本县（区）的数据）。";

    private final RegionDirectory regions;

    CountyDrillDown(RegionDirectory regions) {
        this.regions = regions;
    }

    /** Narrows the rest of this request to {@code county} when one is given (blank: no narrowing). */
    void narrow(CurrentStaff staff, String county) {
        if (county == null || county.isBlank()) {
            return;
        }
        String code = checked(staff, county, "只能查看本县（区）的数据");
        RequestContextHolder.currentRequestAttributes().setAttribute(ATTRIBUTE, code, RequestAttributes.SCOPE_REQUEST);
    }

    /**
     * The county a county's own data (its dictionary, …) is read or changed in: the one named (the city office may name
     * any, a county office only its own), else a county office's own and the default county for the city office.
     */
    String countyOf(CurrentStaff staff, String county) {
        if (county == null || county.isBlank()) {
            return staff.citywide() ? regions.defaultCountyCode() : staff.scopeCode();
        }
        return checked(staff, county, "只能查看和管理本县（区）的数据");
    }

    /**
     * The office whose reference data (office profile, campaigns) a request works on: the named county (checked like
     * {@link #narrow}), else the caller's own scope (a county's code, or the city's for the city office).
     */
    @Override
    public String office(CurrentStaff staff, String county) {
        return county == null || county.isBlank() ? staff.scopeCode() : checked(staff, county, "只能管理本县（区）的信息");
    }

    /**
     * A known county, and the caller's own unless they are the city office: 400 COUNTY_UNKNOWN, 403 SCOPE_FORBIDDEN
     * (also for a county office naming the city).
     */
    private String checked(CurrentStaff staff, String county, String forbidden) {
        String code = county.strip();
        if (!staff.citywide() && code.equals(regions.cityCode())) {
            // the city is known, only not theirs: forbidden rather than unknown
            throw DomainException.forbidden("SCOPE_FORBIDDEN", forbidden);
        }
        regions.requireCounty(code);
        if (!staff.citywide() && !code.equals(staff.scopeCode())) {
            throw DomainException.forbidden("SCOPE_FORBIDDEN", forbidden);
        }
        return code;
    }

    /**
     * For what the city office alone does (the city's shared account, key rotation, the whole audit chain, adding a
     * county): a county office's caller gets 403 {@code SCOPE_FORBIDDEN} with {@code refusal}.
     */
    static void requireCity(CurrentStaff staff, String refusal) {
        if (!staff.citywide()) {
            throw DomainException.forbidden("SCOPE_FORBIDDEN", refusal);
        }
    }

    /** The county this request was narrowed to by {@link #narrow}, if any. */
    static Optional<String> requested() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes == null ? Optional.empty()
                : Optional.ofNullable((String) attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST));
    }
}
