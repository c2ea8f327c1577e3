package cn.cac.gzh.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** LOG_FORMAT=json gives one JSON object per line carrying the request id; unset keeps the human lines. */
class LogFormatTest {

    @Test
    void jsonTurnsOnStructuredConsoleLinesWithTheRequestId() {
        StandardEnvironment environment = environment(Map.of("LOG_FORMAT", "json", "spring.application.name", "filing-platform"));
        new LogFormat().postProcessEnvironment(environment, null);
        String format = environment.getProperty(LogFormat.STRUCTURED_CONSOLE);
        assertThat(format).isEqualTo("ecs");

        // what Boot's console appender does with that setting
        LoggerContext context = new LoggerContext();
        context.putObject(Environment.class.getName(), environment);
        StructuredLogEncoder encoder = new StructuredLogEncoder();
        encoder.setContext(context);
        encoder.setFormat(format);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        LoggingEvent event = new LoggingEvent("test", context.getLogger("cn.cac.gzh.Example"), Level.WARN,
                "Callback refused: check={}", null, new Object[] {"signature"});
        event.setMDCPropertyMap(Map.of("requestId", "3f9a1c0d5e7b2a64"));
        String line = new String(encoder.encode(event), StandardCharsets.UTF_8);

        assertThat(line).endsWith("\n").doesNotContain("\n\n");
        JsonNode parsed = JsonMapper.builder().build().readTree(line);
        assertThat(parsed.path("requestId").asString()).isEqualTo("3f9a1c0d5e7b2a64");
        assertThat(parsed.path("message").asString()).isEqualTo("Callback refused: check=signature");
        assertThat(parsed.path("log").path("level").asString()).isEqualTo("WARN");
        assertThat(parsed.path("service").path("name").asString()).isEqualTo("filing-platform");
    }

    @Test
    void unsetOrTextKeepsTheHumanFormat() {
        StandardEnvironment unset = environment(Map.of());
        new LogFormat().postProcessEnvironment(unset, null);
        assertThat(unset.getProperty(LogFormat.STRUCTURED_CONSOLE)).isNull();

        StandardEnvironment text = environment(Map.of("LOG_FORMAT", "text"));
        new LogFormat().postProcessEnvironment(text, null);
        assertThat(text.getProperty(LogFormat.STRUCTURED_CONSOLE)).isNull();
    }

    @Test
    void anExplicitStructuredFormatWinsAndAnUnknownValueStopsTheStart() {
        StandardEnvironment explicit = environment(Map.of("LOG_FORMAT", "json", LogFormat.STRUCTURED_CONSOLE, "logstash"));
        new LogFormat().postProcessEnvironment(explicit, null);
        assertThat(explicit.getProperty(LogFormat.STRUCTURED_CONSOLE)).isEqualTo("logstash");

        assertThatIllegalStateException()
                .isThrownBy(() -> new LogFormat().postProcessEnvironment(environment(Map.of("LOG_FORMAT", "xml")), null))
                .withMessageContaining("LOG_FORMAT");
    }

    @Test
    void springBootRunsItBeforeTheLoggingSystemStarts() {
        // Boot's own processors need constructor arguments it supplies at start: those are skipped here
        assertThat(SpringFactoriesLoader.forDefaultResourceLocation().load(EnvironmentPostProcessor.class, null,
                SpringFactoriesLoader.FailureHandler.handleMessage((message, failure) -> { })))
                .anySatisfy(processor -> assertThat(processor).isInstanceOf(LogFormat.class));
    }

    private static StandardEnvironment environment(Map<String, Object> settings) {
        StandardEnvironment environment = new StandardEnvironment();
        // first: the machine's own LOG_FORMAT must not decide the test
        environment.getPropertySources().addFirst(new MapPropertySource("test", settings));
        return environment;
    }
}
