package cn.cac.gzh.delivery.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

import cn.cac.gzh.common.TimeConfiguration;
import cn.cac.gzh.delivery.Channel;
import cn.cac.gzh.delivery.OutgoingMessage;
import cn.cac.gzh.delivery.internal.DeliveryStore.Claimed;
import cn.cac.gzh.delivery.internal.DeliveryStore.Outcome;
import cn.cac.gzh.wechat.MessageChannels;
import cn.cac.gzh.wechat.SendOutcome;

import org.springframework.stereotype.Component;

/**
 * One attempt at one delivery: what to send, the send itself (outside any transaction) and what the
 * answer means for the row. Never sends twice: a template message carries the row id as
 * {@code client_msg_id}; a subscribe message that may have left is UNKNOWN, never resent.
 */
@Component
class DeliverySender {

    private final MessageChannels wechat;
    private final DeliveryStore store;
    private final ChannelRateLimits rates;
    private final ChannelPauses pauses;
    private final DeliveryProperties properties;
    private final Clock clock;
    /** Messages are few and rows many: each message is read once per instance. */
    private final Map<String, OutgoingMessage> messages = new ConcurrentHashMap<>();

    DeliverySender(MessageChannels wechat, DeliveryStore store, ChannelRateLimits rates, ChannelPauses pauses,
            DeliveryProperties properties, Clock clock) {
        this.wechat = wechat;
        this.store = store;
        this.rates = rates;
        this.pauses = pauses;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * One attempt, or null when {@code mayStillSend} says no once the channel's rate limit let it through
     * (the lease is nearly over, the channel was paused, the worker stops): then nothing was sent and the
     * row goes back as it was.
     */
    Outcome attempt(String owner, Claimed row, BooleanSupplier mayStillSend) throws InterruptedException {
        if (row.channel() == Channel.SUBSCRIBE && row.takenOver() && row.sendStarted()) {
            // the worker that held it died while sending: it may have arrived, and a resend could arrive twice
            return finished(row, "UNKNOWN", "LEASE", "worker lost while sending");
        }
        OutgoingMessage message = message(row);
        DeliveryProperties.Template template = message == null ? null : properties.template(row.sourceType(), row.channel());
        if (template == null) {
            return finished(row, "FAILED", "CONFIG", "no template configured for " + row.sourceType() + "/" + row.channel());
        }
        String page = properties.inboxPage() + (row.inboxItemId() == null ? "" : "?id=" + row.inboxItemId());
        Map<String, String> data = TemplateFields.fill(template, message);
        // the rate limit may keep a sender waiting: whether to send is decided after it
        rates.acquire(row.channel());
        if (!mayStillSend.getAsBoolean()) {
            return null;
        }
        SendOutcome answer;
        if (row.channel() == Channel.SUBSCRIBE) {
            if (!store.prepareSubscribe(owner, row, template.templateId(), now())) {
                return finished(row, "SKIPPED", "NO_OPT_IN", "no unused subscription of the operator");
            }
            answer = wechat.sendSubscribe(row.recipient(), template.templateId(), page, data);
        } else {
            answer = wechat.sendTemplate(row.recipient(), template.templateId(), page, data, String.valueOf(row.id()));
        }
        return outcome(row, answer);
    }

    private Outcome outcome(Claimed row, SendOutcome answer) {
        String code = answer.errorCode() == 0 ? null : String.valueOf(answer.errorCode());
        LocalDateTime now = now();
        return switch (answer.result()) {
            case SENT -> new Outcome(row.id(), "SENT", row.attempts(), null, null, answer.msgId(), now, now, null, row.leaseUntil());
            case FAILED -> finished(row, "FAILED", code, answer.reason());
            case AMBIGUOUS -> row.channel() == Channel.SUBSCRIBE
                    ? finished(row, "UNKNOWN", "TIMEOUT", answer.reason())
                    // the same client_msg_id makes a resend harmless
                    : retry(row, "TIMEOUT", answer.reason());
            case RETRY -> retry(row, code == null ? "NETWORK" : code, answer.reason());
            case QUOTA -> {
                LocalDateTime reset = nextQuotaReset();
                pauses.pauseUntil(row.channel(), reset.toInstant(ZoneOffset.UTC));
                // not the row's fault: the attempt does not count
                yield new Outcome(row.id(), "QUEUED", row.attempts() - 1, code, answer.reason(), null, null, null, reset,
                        row.leaseUntil());
            }
        };
    }

    private Outcome retry(Claimed row, String code, String reason) {
        if (row.attempts() >= properties.maxAttempts()) {
            return finished(row, "FAILED", code, "gave up after " + row.attempts() + " attempts: " + reason);
        }
        long base = properties.retryDelay().toMillis() << Math.min(row.attempts() - 1, 20);
        long capped = Math.min(base, properties.maxRetryDelay().toMillis());
        long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        return new Outcome(row.id(), "QUEUED", row.attempts(), code, reason, null, null, null,
                now().plus(Duration.ofMillis(jittered)), row.leaseUntil());
    }

    private Outcome finished(Claimed row, String status, String code, String reason) {
        return new Outcome(row.id(), status, row.attempts(), code, reason, null, null, now(), null, row.leaseUntil());
    }

    private OutgoingMessage message(Claimed row) {
        String key = row.sourceType() + ":" + row.sourceId();
        OutgoingMessage cached = messages.get(key);
        if (cached != null) {
            return cached;
        }
        if (messages.size() > 10_000) {
            messages.clear();
        }
        return store.message(row.sourceType(), row.sourceId()).map(found -> {
            messages.put(key, found);
            return found;
        }).orElse(null);
    }

    /** WeChat's daily quotas reset at midnight, Beijing time. */
    private LocalDateTime nextQuotaReset() {
        LocalDate tomorrow = now().atOffset(ZoneOffset.UTC).atZoneSameInstant(TimeConfiguration.DISPLAY_ZONE).toLocalDate()
                .plusDays(1);
        return tomorrow.atStartOfDay(TimeConfiguration.DISPLAY_ZONE).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
