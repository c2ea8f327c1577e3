package cn.cac.gzh.console.internal;

import java.security.SecureRandom;
import java.util.Optional;

import cn.cac.gzh.console.ConsoleBootstrap;
import cn.cac.gzh.console.ConsoleProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The first administrator: from {@code CONSOLE_BOOTSTRAP_ADMIN_PASSWORD}, or (local mode) a generated
 * password shown in the banner. Never a default password.
 */
@Component
class AdminBootstrap implements ConsoleBootstrap, SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    private final StaffAccounts accounts;
    private final ConsoleProperties properties;
    private volatile String generated;

    AdminBootstrap(StaffAccounts accounts, ConsoleProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @Override
    public void afterSingletonsInstantiated() {
        String username = properties.bootstrapAdminUsername();
        String password = properties.bootstrapAdminPassword();
        if ((password == null || password.isBlank()) && properties.generateBootstrapPassword()) {
            password = generate();
            if (accounts.createFirstAdministrator(username, password)) {
                generated = password;
            }
            return;
        }
        if (password == null || password.isBlank()) {
            if (accounts.all().isEmpty()) {
                log.warn("No staff account exists and CONSOLE_BOOTSTRAP_ADMIN_PASSWORD is not set: nobody can sign in to the console");
            }
            return;
        }
        if (accounts.createFirstAdministrator(username, password)) {
            log.info("First administrator created from configuration: username={}", username);
        }
    }

    @Override
    public Optional<String> generatedAdminPassword() {
        return Optional.ofNullable(generated);
    }

    private static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.append(random.nextInt(10)).toString();
    }
}
