package cn.cac.gzh.push.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Policy-push settings ({@code PUSH_…}).
 *
 * @param secondApproval    a push goes out only after a second publisher approved it
 * @param expansionBatch    recipients turned into rows per transaction
 * @param expansionInterval how often due pushes are looked for
 * @param maxAttachmentSize largest attachment (PDF, JPEG, PNG)
 * @param attachmentLinkTtl validity of an operator's download link
 */
@ConfigurationProperties("push")
record PushProperties(
        @DefaultValue("false") boolean secondApproval,
        @DefaultValue("500") int expansionBatch,
        @DefaultValue("1s") Duration expansionInterval,
        @DefaultValue("10MB") DataSize maxAttachmentSize,
        @DefaultValue("5m") Duration attachmentLinkTtl) {
}
