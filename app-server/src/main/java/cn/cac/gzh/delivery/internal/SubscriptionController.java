package cn.cac.gzh.delivery.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.cac.gzh.account.CurrentOperator;
import cn.cac.gzh.common.DomainException;
import cn.cac.gzh.delivery.Channel;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The mini-program's subscribe-message opt-ins: which templates to ask for, and what the operator answered. */
@Tag(name = "订阅消息", description = "wx.requestSubscribeMessage 的模板与结果上报")
@SecurityRequirement(name = "bearer")
@RestController
class SubscriptionController {

    private static final Set<String> ANSWERS = Set.of("accept", "reject", "ban", "filter");

    private final OptInStore optIns;
    private final DeliveryProperties properties;
    private final Clock clock;

    SubscriptionController(OptInStore optIns, DeliveryProperties properties, Clock clock) {
        this.optIns = optIns;
        this.properties = properties;
        this.clock = clock;
    }

    record Templates(@Schema(description = "消息类别 → 订阅消息模板 ID") Map<String, String> templates) {
    }

    record Results(@Schema(description = "模板 ID → accept / reject / ban / filter，即 wx.requestSubscribeMessage 的返回")
                   @NotEmpty @Size(max = 10) Map<String, String> results) {
    }

    record Recorded(@Schema(description = "本次记录的可用次数（每个 accept 一次）") int accepted) {
    }

    @Operation(summary = "订阅消息模板", description = "小程序在合适的时机用这些模板调用 wx.requestSubscribeMessage。")
    @GetMapping("/api/mini/subscriptions/templates")
    Templates templates() {
        Map<String, String> templates = new LinkedHashMap<>();
        properties.templates().keySet().stream().sorted().forEach(kind -> {
            DeliveryProperties.Template template = properties.template(kind, Channel.SUBSCRIBE);
            if (template != null) {
                templates.put(kind, template.templateId());
            }
        });
        return new Templates(templates);
    }

    @Operation(summary = "上报订阅结果", description = "每个 accept 允许向该运营者发送一次该模板的订阅消息。错误码：TEMPLATE_UNKNOWN、VALIDATION_FAILED。")
    @PostMapping("/api/mini/subscriptions")
    @ResponseStatus(HttpStatus.CREATED)
    Recorded report(@AuthenticationPrincipal CurrentOperator operator, @Valid @RequestBody Results request) {
        Set<String> known = Set.copyOf(templates().templates().values());
        for (Map.Entry<String, String> answer : request.results().entrySet()) {
            if (!known.contains(answer.getKey())) {
                throw DomainException.invalid("TEMPLATE_UNKNOWN", "未知的订阅消息模板");
            }
            if (!ANSWERS.contains(answer.getValue())) {
                throw DomainException.invalid("VALIDATION_FAILED", "订阅结果应为 accept、reject、ban 或 filter");
            }
        }
        List<String> accepted = request.results().entrySet().stream().filter(e -> "accept".equals(e.getValue()))
                .map(Map.Entry::getKey).toList();
        optIns.grant(operator.id(), accepted, LocalDateTime.now(clock));
        return new Recorded(accepted.size());
    }
}
