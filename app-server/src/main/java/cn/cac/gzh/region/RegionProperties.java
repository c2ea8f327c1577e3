package cn.cac.gzh.region;

import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** Which county this deployment serves (env {@code REGION_COUNTY_CODE}); its dictionary must be in the database. */
@Validated
@ConfigurationProperties("region")
public record RegionProperties(
        @DefaultValue("411422") @Pattern(regexp = "\\d{6}", message = "must be a 6-digit administrative division code") String countyCode) {
}
