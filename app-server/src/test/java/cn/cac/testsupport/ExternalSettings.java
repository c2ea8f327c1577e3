package cn.cac.testsupport;

import java.util.ArrayList;
import java.util.List;

import org.springframework.core.env.Environment;

/**
 * The settings that point an application at the services a running test context uses, as
 * command-line arguments (they outrank environment variables), to start more instances against them.
 */
public final class ExternalSettings {

    private static final List<String> KEYS = List.of(
            "spring.datasource.url", "spring.datasource.username", "spring.datasource.password",
            "spring.data.redis.host", "spring.data.redis.port",
            "storage.endpoint", "storage.access-key", "storage.secret-key", "pii.encryption-key", "pii.index-key",
            "wechat.api-base-url", "wechat.miniapp.app-id", "wechat.miniapp.secret",
            "wechat.mp.app-id", "wechat.mp.secret", "wechat.mp.token", "wechat.mp.aes-key",
            "delivery.templates.POLICY.subscribe.template-id", "delivery.templates.POLICY.template.template-id",
            "delivery.templates.REVIEW_RESULT.subscribe.template-id", "delivery.templates.REVIEW_RESULT.template.template-id",
            "delivery.templates.REMINDER.subscribe.template-id", "delivery.templates.REMINDER.template.template-id",
            "delivery.templates.DIGEST.template.template-id", "reminder.jobs-enabled");

    private ExternalSettings() {
    }

    /** Every setting as {@code --key=value}, with {@code overrides} ({@code --key=value}) replacing or adding. */
    public static String[] asArguments(Environment environment, String... overrides) {
        List<String> arguments = new ArrayList<>();
        for (String key : KEYS) {
            boolean overridden = false;
            for (String override : overrides) {
                overridden |= override.startsWith("--" + key + "=");
            }
            String value = environment.getProperty(key);
            if (!overridden && value != null) {
                arguments.add("--" + key + "=" + value);
            }
        }
        arguments.addAll(List.of(overrides));
        arguments.add("--server.port=0");
        return arguments.toArray(String[]::new);
    }
}
