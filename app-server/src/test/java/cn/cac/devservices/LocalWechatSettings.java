package cn.cac.devservices;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.env.PropertyResolver;
import org.springframework.util.StringUtils;

/**
 * The WeChat identity of local mode when the WeChat simulator stands in for WeChat's API: every
 * value the environment sets (e.g. {@code WECHAT_MP_TOKEN} and {@code WECHAT_MP_AES_KEY} of a test
 * account whose callbacks reach this machine through a tunnel) is used as it is; the simulator
 * fills only what is missing. The banner says which is which and never prints a secret.
 */
final class LocalWechatSettings {

    /** One setting: its property, what the banner calls it, whether its value may be shown, the simulator's value. */
    record Setting(String property, String label, boolean secret, String simulatorValue) {
    }

    static final List<Setting> SETTINGS = List.of(
            new Setting("wechat.miniapp.app-id", "mini-program app id", false, WechatSimulator.MINIAPP_APP_ID),
            new Setting("wechat.miniapp.secret", "mini-program secret", true, WechatSimulator.MINIAPP_SECRET),
            new Setting("wechat.mp.app-id", "official-account app id", false, WechatSimulator.MP_APP_ID),
            new Setting("wechat.mp.secret", "official-account secret", true, WechatSimulator.MP_SECRET),
            new Setting("wechat.mp.token", "callback token", true, WechatSimulator.MP_TOKEN),
            new Setting("wechat.mp.aes-key", "EncodingAESKey", true, WechatSimulator.MP_AES_KEY),
            new Setting("delivery.templates.POLICY.subscribe.template-id", "policy subscribe-message template", false,
                    WechatSimulator.POLICY_SUBSCRIBE_TEMPLATE_ID),
            new Setting("delivery.templates.POLICY.template.template-id", "policy template-message template", false,
                    WechatSimulator.POLICY_TEMPLATE_ID),
            new Setting("delivery.templates.REVIEW_RESULT.subscribe.template-id", "review-result subscribe-message template", false,
                    WechatSimulator.REVIEW_RESULT_SUBSCRIBE_TEMPLATE_ID),
            new Setting("delivery.templates.REVIEW_RESULT.template.template-id", "review-result template-message template", false,
                    WechatSimulator.REVIEW_RESULT_TEMPLATE_ID),
            new Setting("delivery.templates.REMINDER.subscribe.template-id", "reminder subscribe-message template", false,
                    WechatSimulator.REMINDER_SUBSCRIBE_TEMPLATE_ID),
            new Setting("delivery.templates.REMINDER.template.template-id", "reminder template-message template", false,
                    WechatSimulator.REMINDER_TEMPLATE_ID),
            new Setting("delivery.templates.DIGEST.template.template-id", "staff digest template-message template", false,
                    WechatSimulator.DIGEST_TEMPLATE_ID));

    private final Map<String, String> filled;
    private final List<String> yours;
    private final List<String> simulators;

    private LocalWechatSettings(Map<String, String> filled, List<String> yours, List<String> simulators) {
        this.filled = filled;
        this.yours = yours;
        this.simulators = simulators;
    }

    /** Decides, setting by setting: a non-blank value from the environment wins, the simulator fills the rest. */
    static LocalWechatSettings resolve(PropertyResolver environment) {
        Map<String, String> filled = new LinkedHashMap<>();
        List<String> yours = new ArrayList<>();
        List<String> simulators = new ArrayList<>();
        for (Setting setting : SETTINGS) {
            String value = environment.getProperty(setting.property());
            if (StringUtils.hasText(value)) {
                yours.add(describe(setting, value));
            } else {
                filled.put(setting.property(), setting.simulatorValue());
                simulators.add(describe(setting, setting.simulatorValue()));
            }
        }
        return new LocalWechatSettings(filled, yours, simulators);
    }

    private static String describe(Setting setting, String value) {
        return setting.secret() ? setting.label() : setting.label() + " " + value;
    }

    /** The simulator's values for the settings the environment leaves unset. */
    Map<String, String> simulatorValues() {
        return filled;
    }

    /** For the banner: which values are the user's and which the simulator's; secrets by name only. */
    List<String> describe() {
        List<String> lines = new ArrayList<>();
        if (!yours.isEmpty()) {
            lines.add("WeChat settings (yours): " + String.join(", ", yours));
        }
        if (!simulators.isEmpty()) {
            lines.add("WeChat settings (simulator): " + String.join(", ", simulators));
        }
        return lines;
    }
}
