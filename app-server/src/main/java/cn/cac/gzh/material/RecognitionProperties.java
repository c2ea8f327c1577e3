package cn.cac.gzh.material;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The automatic check of materials by WeChat's OCR (docs/materials.md#automatic-check).
 *
 * @param enabled      the office's switch (env {@code MATERIAL_RECOGNITION_ENABLED}): off, new files are not sent
 *                     to WeChat, the worker stops and no check is shown
 * @param pollInterval how often each instance looks for files to recognise
 * @param batch        files claimed per look
 * @param linkValidity how long the link WeChat downloads the photo from works (at most 5 minutes)
 * @param lease        how long a claimed file is left to its worker before another may take it
 * @param firstRetry   the wait after the first failure; doubled per failure up to {@code maxRetry}
 * @param maxRetry     the longest wait between attempts
 * @param quotaRetry   the wait after WeChat's daily quota is exhausted (45009)
 */
@Validated
@ConfigurationProperties("material.recognition")
public record RecognitionProperties(
        @DefaultValue("true") boolean enabled,
        @NotNull @DefaultValue("2s") Duration pollInterval,
        @Positive @DefaultValue("10") int batch,
        @NotNull @DefaultValue("2m") Duration linkValidity,
        @NotNull @DefaultValue("2m") Duration lease,
        @NotNull @DefaultValue("1m") Duration firstRetry,
        @NotNull @DefaultValue("6h") Duration maxRetry,
        @NotNull @DefaultValue("1h") Duration quotaRetry) {

    @AssertTrue(message = "must be between 1 second and 5 minutes")
    boolean isLinkValidityValid() {
        return linkValidity == null || (linkValidity.toSeconds() >= 1 && linkValidity.compareTo(Duration.ofMinutes(5)) <= 0);
    }

    /** The wait before attempt {@code attempts + 1}, after {@code attempts} failed ones. */
    public Duration retryAfter(int attempts) {
        Duration wait = firstRetry;
        for (int i = 1; i < attempts && wait.compareTo(maxRetry) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
    }
}
