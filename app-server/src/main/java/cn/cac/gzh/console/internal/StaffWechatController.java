package cn.cac.gzh.console.internal;

import cn.cac.gzh.console.CurrentStaff;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "控制台-绑定微信", description = "工作人员把本人微信（关注本公众号）与账号绑定，以接收逾期汇总模板消息")
@RestController
@RequestMapping("/api/console/auth/wechat-binding")
class StaffWechatController {

    private final StaffWechatBinding binding;

    StaffWechatController(StaffWechatBinding binding) {
        this.binding = binding;
    }

    record BindingStatus(boolean bound) {
    }

    record BindingCode(String code, long validSeconds, String instruction) {
    }

    @Operation(summary = "本人微信绑定状态")
    @GetMapping
    BindingStatus status(@AuthenticationPrincipal CurrentStaff staff) {
        return new BindingStatus(binding.isBound(staff.id()));
    }

    @Operation(summary = "获取绑定码", description = "10分钟内有效，只能使用一次：关注本公众号后发送“绑定 绑定码”。")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    BindingCode newCode(@AuthenticationPrincipal CurrentStaff staff) {
        String code = binding.newCode(staff.id());
        return new BindingCode(code, StaffWechatBinding.CODE_LIFE.toSeconds(), "请用本人微信关注本公众号，然后发送：绑定 " + code);
    }

    @Operation(summary = "解除绑定")
    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unbind(@AuthenticationPrincipal CurrentStaff staff, HttpServletRequest http) {
        binding.unbind(staff.id(), http.getRemoteAddr());
    }
}
