package cn.cac.gzh.account.internal;


import cn.cac.gzh.account.CurrentOperator;
import cn.cac.gzh.common.identifiers.Masking;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "运营者信息", description = "本人信息、手机号绑定、隐私政策与同意")
@RestController
@RequestMapping("/api/mini")
class ProfileController {

    private final Consents consents;
    private final PhoneBinding phoneBinding;

    ProfileController(Consents consents, PhoneBinding phoneBinding) {
        this.consents = consents;
        this.phoneBinding = phoneBinding;
    }

    @Schema(description = "运营者本人信息")
    record ProfileView(long id, @Schema(description = "脱敏手机号", example = "139****5678") String phone,
            boolean phoneBound, @Schema(description = "是否需要先同意最新版隐私政策") boolean consentRequired,
            String currentPrivacyNoticeVersion) {
    }

    record PhoneRequest(@Schema(description = "getPhoneNumber 按钮返回的 code") @NotBlank @Size(max = 128) String code) {
    }

    record ConsentRequest(
            @Schema(description = "所同意的隐私政策版本") @NotBlank @Size(max = 16) String version,
            @Schema(description = "同意处理个人信息") boolean personalInfo,
            @Schema(description = "单独同意处理敏感个人信息（身份证号码、身份证影像）") boolean sensitiveInfo) {
    }

    @Operation(summary = "本人信息")
    @GetMapping("/me")
    ProfileView me(@AuthenticationPrincipal CurrentOperator operator) {
        String phone = phoneBinding.phoneOf(operator.id());
        return new ProfileView(operator.id(), Masking.phone(phone), phone != null,
                !consents.hasAcceptedCurrent(operator.id()), consents.current().version());
    }

    @Operation(summary = "绑定手机号", description = "用 getPhoneNumber 的 code 绑定手机号；需先同意隐私政策。错误码：CONSENT_REQUIRED、PHONE_CODE_INVALID、WECHAT_UNAVAILABLE。")
    @PostMapping("/me/phone")
    ProfileView bindPhone(@AuthenticationPrincipal CurrentOperator operator, @Valid @RequestBody PhoneRequest request) {
        phoneBinding.bind(operator.id(), request.code());
        return me(operator);
    }

    @Operation(summary = "当前隐私政策", description = "登记备案前须阅读并同意；版本更新后须重新同意。")
    @GetMapping("/privacy-notice")
    Consents.PrivacyNotice privacyNotice() {
        return consents.current();
    }

    @Operation(summary = "同意隐私政策", description = "同时记录对敏感个人信息处理的单独同意。错误码：CONSENT_VERSION_OUTDATED、CONSENT_INCOMPLETE。")
    @PostMapping("/me/consents")
    @ResponseStatus(HttpStatus.CREATED)
    ProfileView consent(@AuthenticationPrincipal CurrentOperator operator, @Valid @RequestBody ConsentRequest request) {
        consents.accept(operator.id(), request.version(), request.personalInfo(), request.sensitiveInfo());
        return me(operator);
    }

}
