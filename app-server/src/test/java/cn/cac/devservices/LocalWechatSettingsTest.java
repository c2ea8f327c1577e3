package cn.cac.devservices;

import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Local mode with the WeChat simulator: what the environment sets wins, setting by setting; the
 * simulator fills only what is missing; the banner says whose each value is and prints no secret.
 * The case: a person points a tunnel at the local service to try it with WeChat's test account, so
 * the callbacks must be checked with their own token and EncodingAESKey.
 */
class LocalWechatSettingsTest {

    private static final String TOKEN = "my-own-callback-token";
    private static final String AES_KEY = "ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvut";
    private static final String MP_SECRET = "my-test-account-secret";

    @Test
    void givenValuesAreKeptAndOnlyTheMissingOnesComeFromTheSimulator() {
        var settings = LocalWechatSettings.resolve(environment(Map.of(
                "WECHAT_MP_APP_ID", "wx1234567890abcdef", "WECHAT_MP_SECRET", MP_SECRET,
                "WECHAT_MP_TOKEN", TOKEN, "WECHAT_MP_AES_KEY", AES_KEY)));

        assertThat(settings.simulatorValues()).containsOnly(
                Map.entry("wechat.miniapp.app-id", WechatSimulator.MINIAPP_APP_ID),
                Map.entry("wechat.miniapp.secret", WechatSimulator.MINIAPP_SECRET),
                Map.entry("delivery.templates.POLICY.subscribe.template-id", WechatSimulator.POLICY_SUBSCRIBE_TEMPLATE_ID),
                Map.entry("delivery.templates.POLICY.template.template-id", WechatSimulator.POLICY_TEMPLATE_ID),
                Map.entry("delivery.templates.REVIEW_RESULT.subscribe.template-id", WechatSimulator.REVIEW_RESULT_SUBSCRIBE_TEMPLATE_ID),
                Map.entry("delivery.templates.REVIEW_RESULT.template.template-id", WechatSimulator.REVIEW_RESULT_TEMPLATE_ID),
                Map.entry("delivery.templates.REMINDER.subscribe.template-id", WechatSimulator.REMINDER_SUBSCRIBE_TEMPLATE_ID),
                Map.entry("delivery.templates.REMINDER.template.template-id", WechatSimulator.REMINDER_TEMPLATE_ID),
                Map.entry("delivery.templates.DIGEST.template.template-id", WechatSimulator.DIGEST_TEMPLATE_ID));
        assertThat(settings.describe()).containsExactly(
                "WeChat settings (yours): official-account app id wx1234567890abcdef, official-account secret, "
                        + "callback token, EncodingAESKey",
                "WeChat settings (simulator): mini-program app id wx00000000000sim01, mini-program secret, "
                        + "policy subscribe-message template sim-subscribe-policy, policy template-message template sim-template-policy, review-result subscribe-message template sim-subscribe-review, "
                        + "review-result template-message template sim-template-review, reminder subscribe-message template sim-subscribe-reminder, "
                        + "reminder template-message template sim-template-reminder, staff digest template-message template sim-template-digest");
        assertNoSecretIn(String.join("\n", settings.describe()));
    }

    @Test
    void nothingGivenMeansEverythingIsTheSimulatorsAndABlankValueCountsAsNotGiven() {
        var settings = LocalWechatSettings.resolve(environment(Map.of("WECHAT_MP_TOKEN", "  ")));

        assertThat(settings.simulatorValues()).hasSize(13).containsEntry("wechat.mp.token", WechatSimulator.MP_TOKEN)
                .containsEntry("wechat.mp.aes-key", WechatSimulator.MP_AES_KEY);
        assertThat(settings.describe()).containsExactly("WeChat settings (simulator): mini-program app id wx00000000000sim01, "
                + "mini-program secret, official-account app id wx00000000000sim02, official-account secret, callback token, "
                + "EncodingAESKey, policy subscribe-message template sim-subscribe-policy, "
                + "policy template-message template sim-template-policy, review-result subscribe-message template sim-subscribe-review, "
                        + "review-result template-message template sim-template-review, reminder subscribe-message template sim-subscribe-reminder, "
                        + "reminder template-message template sim-template-reminder, staff digest template-message template sim-template-digest");
        assertThat(String.join("\n", settings.describe())).doesNotContain(WechatSimulator.MP_TOKEN)
                .doesNotContain(WechatSimulator.MP_AES_KEY).doesNotContain(WechatSimulator.MP_SECRET);
    }

    /** The initializer itself, with only the simulator to start: the environment's token and key reach the application. */
    @Test
    void theInitializerStartsTheSimulatorButKeepsTheEnvironmentsTokenAndKey() {
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            var environment = environment(Map.of("WECHAT_MP_TOKEN", TOKEN, "WECHAT_MP_AES_KEY", AES_KEY,
                    "WECHAT_MINIAPP_APP_ID", "wxminiappofmyown1"));
            // the other services are "external" here, so that only the simulator starts
            environment.getPropertySources().addFirst(new MapPropertySource("external", Map.of(
                    "spring.datasource.url", "jdbc:mysql://127.0.0.1:9/unused", "spring.data.redis.host", "127.0.0.1",
                    "storage.endpoint", "http://127.0.0.1:9")));
            context.setEnvironment(environment);

            new DevServicesInitializer().initialize(context);
            DevServices services = context.getBeanFactory().getBean(DevServices.class);
            URI simulator = URI.create(environment.getProperty("wechat.api-base-url"));
            try {
                assertThat(environment.getProperty("wechat.api-base-url")).startsWith("http://127.0.0.1:");
                assertThat(environment.getProperty("wechat.mp.token")).isEqualTo(TOKEN);
                assertThat(environment.getProperty("wechat.mp.aes-key")).isEqualTo(AES_KEY);
                assertThat(environment.getProperty("wechat.miniapp.app-id")).isEqualTo("wxminiappofmyown1");
                assertThat(environment.getProperty("wechat.miniapp.secret")).isEqualTo(WechatSimulator.MINIAPP_SECRET);
                assertThat(environment.getProperty("wechat.mp.app-id")).isEqualTo(WechatSimulator.MP_APP_ID);
                assertThat(environment.getProperty("wechat.mp.secret")).isEqualTo(WechatSimulator.MP_SECRET);

                String banner = String.join("\n", services.describe());
                assertThat(banner).contains("WeChat simulator (WireMock): http://127.0.0.1:")
                        .contains("WeChat settings (yours): mini-program app id wxminiappofmyown1, callback token, EncodingAESKey")
                        .contains("WeChat settings (simulator): mini-program secret, official-account app id wx00000000000sim02, "
                                + "official-account secret");
                assertNoSecretIn(banner);
                assertThat(banner).doesNotContain(WechatSimulator.MINIAPP_SECRET).doesNotContain(WechatSimulator.MP_SECRET);
            } finally {
                services.close();
            }
            assertThatThrownBy(() -> new Socket(simulator.getHost(), simulator.getPort()).close())
                    .as("the simulator stops with the services").isInstanceOf(ConnectException.class);
        }
    }

    private static StandardEnvironment environment(Map<String, String> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        // in place of the real environment variables, as the operating system would give them
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new HashMap<>(variables)));
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        return environment;
    }

    private static void assertNoSecretIn(String text) {
        assertThat(text).doesNotContain(TOKEN).doesNotContain(AES_KEY).doesNotContain(MP_SECRET);
    }
}
