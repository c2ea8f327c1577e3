package cn.cac.gzh.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param accessTokenTtl  how long a bearer token works before the client must refresh it
 * @param refreshTokenTtl how long the client may refresh without a new {@code wx.login}
 */
@ConfigurationProperties("account.session")
public record AccountProperties(
        @DefaultValue("2h") Duration accessTokenTtl,
        @DefaultValue("30d") Duration refreshTokenTtl) {
}
