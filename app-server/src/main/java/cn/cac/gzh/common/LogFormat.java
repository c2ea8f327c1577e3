package cn.cac.gzh.common;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code LOG_FORMAT=json}: one JSON object per log line on the console (Spring Boot's structured logging,
 * Elastic Common Schema), for a log collector; the logging context's entries, among them {@code requestId},
 * become fields of their own. Unset or {@code text}: the usual human-readable lines. Runs before the
 * logging system starts; an explicit {@code logging.structured.format.console} still wins.
 */
public class LogFormat implements EnvironmentPostProcessor {

    static final String SETTING = "LOG_FORMAT";
    static final String STRUCTURED_CONSOLE = "logging.structured.format.console";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String format = environment.getProperty(SETTING, "text").strip().toLowerCase();
        switch (format) {
            case "text", "" -> {
                // Boot's default console pattern
            }
            case "json" -> environment.getPropertySources()
                    .addLast(new MapPropertySource("logFormat", Map.of(STRUCTURED_CONSOLE, "ecs")));
            default -> throw new IllegalStateException(
                    "LOG_FORMAT must be json or text (the setting's value is not shown)");
        }
    }
}
