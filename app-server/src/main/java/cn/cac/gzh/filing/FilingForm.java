package cn.cac.gzh.filing;

import java.time.LocalDate;

import cn.cac.gzh.common.identifiers.MobileNumber;
import cn.cac.gzh.common.identifiers.ResidentIdNumber;
import cn.cac.gzh.common.identifiers.UnitCode;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What the operator fills in. Formats are checked on every save; whether everything required is
 * there is checked on submission ({@link FilingCompleteness}), so drafts may be partial.
 * ID numbers come back masked: sending {@code null} for one keeps the stored number.
 */
@Schema(description = "登记备案表内容（草稿可部分填写，提交时校验完整性）")
public record FilingForm(
        @Schema(description = "UNIT=表一（单位及社会团体），INDIVIDUAL=表二（个人或个体经营者）") @NotNull FormType formType,
        @Valid @NotNull AccountSection account,
        @Schema(description = "表一内容，formType=UNIT 时填写") @Valid UnitSection unit,
        @Schema(description = "表二内容，formType=INDIVIDUAL 时填写") @Valid IndividualSection individual,
        @Schema(description = "所属县（区）的行政区划代码，如 411422；新建时不填为本平台默认县，修改时不填表示不变")
        @Pattern(regexp = "\\d{6}", message = "县（区）代码应为6位数字") String countyCode) {

    @Schema(description = "公众号信息")
    public record AccountSection(
            @Schema(description = "公众号名称") @NotBlank @Size(max = 64) String name,
            @Schema(description = "微信号") @Pattern(regexp = "[A-Za-z][-_A-Za-z0-9]{5,19}", message = "微信号应为6至20位字母、数字、下划线或减号，并以字母开头") String wechatId,
            @Schema(description = "原始ID，如 gh_0123456789ab") @Pattern(regexp = "gh_[0-9a-fA-F]{12}", message = "原始ID应为 gh_ 加12位字母或数字") String originalId,
            @Schema(description = "SUBSCRIPTION=订阅号，SERVICE=服务号") AccountType type,
            @Schema(description = "开通日期") @PastOrPresent(message = "开通日期不能晚于今天") LocalDate openedOn,
            @Schema(description = "内容类别，如 新闻资讯、政务服务、生活服务") @Size(max = 32) String contentCategory,
            @Schema(description = "注册地") @Size(max = 100) String registrationPlace,
            @Schema(description = "运营地") @Size(max = 100) String operatingPlace,
            @Schema(description = "所在乡镇（办事处）") @Size(max = 32) String township,
            @Schema(description = "主营业务范围（单位必填）") @Size(max = 500) String businessScope) {
    }

    @Schema(description = "表一：单位信息")
    public record UnitSection(
            @Schema(description = "单位名称") @Size(max = 100) String name,
            @Schema(description = "单位类型") UnitType type,
            @Schema(description = "统一社会信用代码或组织机构代码") @UnitCode String creditCode,
            @Schema(description = "单位地址") @Size(max = 200) String address,
            @Schema(description = "单位负责人") @Valid PersonSection responsiblePerson,
            @Schema(description = "公众号管理员") @Valid AdministratorSection administrator) {
    }

    @Schema(description = "单位负责人")
    public record PersonSection(
            @Size(max = 32) String name,
            @Schema(description = "身份证号码；返回时脱敏，更新时传 null 表示不修改") @ResidentIdNumber String idNumber,
            @Schema(description = "手机号码") @MobileNumber String phone) {
    }

    @Schema(description = "公众号管理员")
    public record AdministratorSection(
            @Size(max = 32) String name,
            @Schema(description = "身份证号码；返回时脱敏，更新时传 null 表示不修改") @ResidentIdNumber String idNumber,
            @MobileNumber String phone,
            @Schema(description = "职务") @Size(max = 32) String position) {
    }

    @Schema(description = "表二：个人或个体经营者")
    public record IndividualSection(
            @Size(max = 32) String name,
            @Schema(description = "身份证号码；返回时脱敏，更新时传 null 表示不修改") @ResidentIdNumber String idNumber,
            @MobileNumber String phone,
            @Size(max = 200) String address,
            @Schema(description = "是否个体经营者") Boolean selfEmployed,
            @Schema(description = "字号名称（个体经营者填写）") @Size(max = 100) String businessName,
            @Schema(description = "营业执照号码（个体经营者填写）") @Size(max = 32) String licenceNumber) {
    }
}
