package cn.cac.gzh.wechat;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * WeChat settings (env {@code WECHAT_API_BASE_URL}, {@code WECHAT_MINIAPP_APP_ID}, {@code WECHAT_MINIAPP_SECRET},
 * {@code WECHAT_MP_APP_ID}, {@code WECHAT_MP_SECRET}, {@code WECHAT_MP_TOKEN}, {@code WECHAT_MP_AES_KEY}).
 *
 * @param apiBaseUrl     WeChat's API host; a simulator's URL in development and tests
 * @param tokenKeyPrefix prefix of the Redis keys holding access tokens and their locks
 * @param maxRetryTimes  how often one call retries on "system busy" (-1) before it fails; bulk sending
 *                       retries in its own queue instead, so keep this small
 */
@Validated
@ConfigurationProperties("wechat")
public record WechatProperties(
        @NotNull @DefaultValue("https://api.weixin.qq.com") URI apiBaseUrl,
        @NotBlank @DefaultValue("wx") String tokenKeyPrefix,
        @Min(0) @DefaultValue("1") int maxRetryTimes,
        @Min(0) @DefaultValue("300") int retrySleepMillis,
        @Valid @NotNull MiniApp miniapp,
        @Valid @NotNull OfficialAccount mp) {

    /** The operators' mini-program. */
    public record MiniApp(@NotBlank String appId, @NotBlank String secret) {
    }

    /**
     * The office's official account.
     *
     * @param token  the callback token of the server configuration (服务器配置)
     * @param aesKey the 43-character EncodingAESKey for safe mode
     * @param callbackMaxAge callbacks whose timestamp is further than this from now are refused ({@code 0} turns it off)
     */
    public record OfficialAccount(
            @NotBlank String appId,
            @NotBlank String secret,
            @NotBlank String token,
            @Pattern(regexp = "[A-Za-z0-9]{43}", message = "must be the 43-character EncodingAESKey") String aesKey,
            @DefaultValue("5m") java.time.Duration callbackMaxAge) {
    }
}
