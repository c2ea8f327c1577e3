package cn.cac.gzh.push;

import java.util.Set;

import cn.cac.gzh.delivery.Channel;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What a publisher writes. The body is rich text; it is sanitised before it is stored. */
@Schema(description = "政策推送内容")
public record PushDraft(
        @NotBlank @Size(max = 60) String title,
        @NotBlank @Size(max = 200) String summary,
        @NotBlank @Size(max = 100_000) String bodyHtml,
        @Valid @NotNull PushAudience audience,
        @Schema(description = "除收件箱外的渠道：SUBSCRIBE 订阅消息、TEMPLATE 模板消息") Set<Channel> channels) {

    public PushDraft {
        channels = channels == null ? Set.of() : Set.copyOf(channels);
    }
}
