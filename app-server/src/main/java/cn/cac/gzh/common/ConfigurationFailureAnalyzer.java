package cn.cac.gzh.common;

import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Reports an invalid or missing setting by its property name and environment variable, e.g.
 * {@code wechat.mp.aes-key (WECHAT_MP_AES_KEY)}, and never echoes the value: it may be a secret.
 */
class ConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<BindValidationException> implements Ordered {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BindValidationException cause) {
        String prefix = cause.getValidationErrors().getName().toString();
        String problems = cause.getValidationErrors().getAllErrors().stream()
                .map(error -> "    " + describe(prefix, error))
                .collect(Collectors.joining("\n"));
        return new FailureAnalysis("Invalid or missing settings:\n" + problems,
                "Set the settings above (as properties or environment variables) and start again.", cause);
    }

    private static String describe(String prefix, ObjectError error) {
        String property = error instanceof FieldError field ? prefix + "." + kebab(field.getField()) : prefix;
        return property + " (" + environmentVariable(property) + "): " + error.getDefaultMessage();
    }

    static String kebab(String field) {
        return field.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    static String environmentVariable(String property) {
        return property.replace('.', '_').replace('-', '_').replace("[", "_").replace("]", "").toUpperCase(Locale.ROOT);
    }

    @Override
    public int getOrder() {
        // ahead of Boot's own analyzer, which prints the rejected value
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
