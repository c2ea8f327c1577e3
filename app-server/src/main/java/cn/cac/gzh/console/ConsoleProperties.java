package cn.cac.gzh.console;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param bootstrapAdminUsername the first administrator's name, created when there is no staff at all
 * @param bootstrapAdminPassword its password (env {@code CONSOLE_BOOTSTRAP_ADMIN_PASSWORD}); without it no
 *                               administrator is created (there is no default password)
 * @param generateBootstrapPassword local mode only: generate one and print it in the banner
 * @param maxFailedLogins        failed logins in a row before the account locks
 * @param lockDuration           how long it stays locked
 */
@Validated
@ConfigurationProperties("console")
public record ConsoleProperties(
        @DefaultValue("admin") String bootstrapAdminUsername,
        String bootstrapAdminPassword,
        @DefaultValue("false") boolean generateBootstrapPassword,
        @DefaultValue("5") @Min(1) int maxFailedLogins,
        @DefaultValue("15m") Duration lockDuration) {
}
