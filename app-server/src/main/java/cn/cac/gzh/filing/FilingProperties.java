package cn.cac.gzh.filing;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param daysAfterOpening notice §4.2: an account opened after a campaign files within this many days
 *                         (env {@code FILING_DAYS_AFTER_OPENING})
 */
@Validated
@ConfigurationProperties("filing")
public record FilingProperties(@DefaultValue("30") @Min(1) @Max(365) int daysAfterOpening) {
}
