package cn.cac.gzh.console.internal;

import java.util.List;

import cn.cac.gzh.audit.AuditEntry;
import cn.cac.gzh.audit.AuditTrail;
import cn.cac.gzh.common.db.RetryingTransactions;
import cn.cac.gzh.console.CurrentStaff;
import cn.cac.gzh.office.OfficeAdministration;
import cn.cac.gzh.office.OfficeContact;
import cn.cac.gzh.office.OfficeDirectory;
import cn.cac.gzh.office.OfficeProfile;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An office's public information (shown in the mini-program and in official-account replies), edited by that office:
 * a county office its own county's, the city office the city's or, naming {@code county}, a county's.
 */
@Tag(name = "控制台-网信办信息", description = "管理员：本网信办的名称、地址、联系人与备案须知")
@RestController
@RequestMapping("/api/console/admin/office")
class OfficeAdminController {

    private static final String COUNTY = "县（区）代码：全市账号可填写以编辑该县（区）的信息，不填为市委网信办的；县级账号不填或只能填本县（区）。"
            + "错误码：COUNTY_UNKNOWN（400）、SCOPE_FORBIDDEN（403，只能管理本县（区）的信息）。";

    private final OfficeDirectory directory;
    private final OfficeAdministration administration;
    private final CountyDrillDown drillDown;
    private final AuditTrail audit;
    private final RetryingTransactions transactions;

    OfficeAdminController(OfficeDirectory directory, OfficeAdministration administration, CountyDrillDown drillDown,
            AuditTrail audit, RetryingTransactions transactions) {
        this.directory = directory;
        this.administration = administration;
        this.drillDown = drillDown;
        this.audit = audit;
        this.transactions = transactions;
    }

    @Schema(description = "某网信办的信息")
    record OfficeView(@Schema(description = "所编辑的网信办：县（区）代码或市代码") String regionCode,
            @Schema(description = "是否已单独填写；否时运营者看到的是市委网信办的信息（profile 即为该信息）") boolean own,
            OfficeProfile profile) {
    }

    record ContactRequest(@NotBlank @Size(max = 32) String name,
            @Size(max = 20) @Pattern(regexp = "^$|^[0-9+\\-() ]{5,20}$", message = "电话号码格式不正确") String phone,
            @Size(max = 100) @Email String email) {
    }

    record OfficeRequest(@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 200) String address,
            @Size(max = 100) @Email String email, @NotBlank @Size(max = 4000) String instructions,
            @NotNull @Size(max = 20) List<@NotNull @Valid ContactRequest> contacts) {
    }

    @Operation(summary = "网信办信息", description = "运营者在小程序和公众号回复中看到的本网信办信息。" + COUNTY)
    @GetMapping
    OfficeView get(@AuthenticationPrincipal CurrentStaff staff,
            @Parameter(description = COUNTY) @RequestParam(required = false) String county) {
        String office = drillDown.office(staff, county);
        return administration.own(office).map(profile -> new OfficeView(office, true, profile))
                .orElseGet(() -> new OfficeView(office, false, directory.profile(office)));
    }

    @Operation(summary = "修改网信办信息", description = "整体替换名称、地址、电子邮箱、备案须知与联系人（按列表顺序显示，最多 20 位，每位需填写电话或电子邮箱）。"
            + "错误码：VALIDATION_FAILED、CONTACT_INCOMPLETE。" + COUNTY)
    @PutMapping
    OfficeView update(@AuthenticationPrincipal CurrentStaff staff,
            @Parameter(description = COUNTY) @RequestParam(required = false) String county,
            @Valid @RequestBody OfficeRequest request, HttpServletRequest http) {
        String office = drillDown.office(staff, county);
        var details = new OfficeAdministration.OfficeDetails(request.name(), request.address(), request.email(),
                request.instructions(),
                request.contacts().stream().map(c -> new OfficeContact(c.name(), c.phone(), c.email())).toList());
        return transactions.execute("updateOffice", () -> {
            OfficeProfile saved = administration.save(office, details);
            audit.record(new AuditEntry("STAFF", staff.id(), "OFFICE_PROFILE_UPDATED", "OFFICE", office,
                    "contacts=" + saved.contacts().size(), http.getRemoteAddr()));
            return new OfficeView(office, true, saved);
        });
    }
}
