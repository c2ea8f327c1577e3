package cn.cac.gzh.delivery.internal;

import java.time.Duration;
import java.util.Map;

import cn.cac.gzh.delivery.Channel;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The delivery pipeline's settings ({@code DELIVERY_…}).
 *
 * @param workerEnabled whether this instance sends (every instance does by default; claims never overlap)
 * @param concurrency   sends in flight per instance (each waits for WeChat's answer)
 * @param claimBatch    rows claimed per round trip to the database
 * @param lease         how long a claimed row is this instance's; after it another instance takes it over
 * @param maxAttempts   attempts of a transiently failing delivery before it fails for good
 * @param retryDelay    the first back-off; doubled per attempt, with jitter, up to {@code maxRetryDelay}
 * @param idlePoll      pause between polls when there is nothing to send
 * @param ratePerSecond cluster-wide sends per second per channel ({@code 0} or absent: no limit)
 * @param inboxPage     the mini-program page that shows an inbox item; WeChat messages open it with {@code ?id=}
 * @param templates     per message kind ({@code POLICY}, …): the WeChat templates and which value fills which field
 */
@ConfigurationProperties("delivery")
record DeliveryProperties(
        @DefaultValue("true") boolean workerEnabled,
        @DefaultValue("64") int concurrency,
        @DefaultValue("200") int claimBatch,
        @DefaultValue("60s") Duration lease,
        @DefaultValue("6") int maxAttempts,
        @DefaultValue("5s") Duration retryDelay,
        @DefaultValue("30m") Duration maxRetryDelay,
        @DefaultValue("200ms") Duration idlePoll,
        Map<Channel, Integer> ratePerSecond,
        @DefaultValue("pages/inbox/detail") String inboxPage,
        Map<String, Templates> templates) {

    DeliveryProperties {
        ratePerSecond = ratePerSecond == null ? Map.of() : Map.copyOf(ratePerSecond);
        templates = templates == null ? Map.of() : Map.copyOf(templates);
    }

    /** The template of a channel for a kind of message, or null when that channel is not used for it. */
    Template template(String sourceType, Channel channel) {
        Templates kind = templates.get(sourceType.replace("_TEST", ""));
        if (kind == null) {
            return null;
        }
        Template template = channel == Channel.SUBSCRIBE ? kind.subscribe() : kind.template();
        return template == null || template.templateId() == null || template.templateId().isBlank() ? null : template;
    }

    /** The two WeChat templates of one kind of message. */
    record Templates(Template subscribe, Template template) {
    }

    /**
     * @param fields WeChat field name → value: {@code title}, {@code summary}, {@code published} or a fixed
     *               text; values are cut to the field's limit (thing ≤ 20 characters, phrase ≤ 5, …)
     */
    record Template(String templateId, Map<String, String> fields) {
        Template {
            fields = fields == null ? Map.of() : Map.copyOf(fields);
        }
    }
}
