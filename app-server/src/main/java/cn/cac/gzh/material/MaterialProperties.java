package cn.cac.gzh.material;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxFileSize        largest upload (env {@code MATERIAL_MAX_FILE_SIZE})
 * @param uploadTicketTtl    how long a presigned upload policy is valid; at most 10 minutes
 * @param staffDownloadTtl   how long a staff download link works; at most 5 minutes
 * @param confirmGrace       how long after a ticket's expiry it may still be confirmed before clean-up removes it
 * @param revokedRetention   materials of revoked filings are deleted this long after revocation
 * @param abandonedDraftRetention materials of drafts untouched this long are deleted
 */
@Validated
@ConfigurationProperties("material")
public record MaterialProperties(
        @NotNull @DefaultValue("10MB") DataSize maxFileSize,
        @NotNull @DefaultValue("10m") Duration uploadTicketTtl,
        @NotNull @DefaultValue("5m") Duration staffDownloadTtl,
        @NotNull @DefaultValue("1h") Duration confirmGrace,
        @NotNull @DefaultValue("180d") Duration revokedRetention,
        @NotNull @DefaultValue("365d") Duration abandonedDraftRetention) {

    @AssertTrue(message = "must be between 1 second and 10 minutes")
    boolean isUploadTicketTtlValid() {
        return uploadTicketTtl == null || (uploadTicketTtl.toSeconds() >= 1 && uploadTicketTtl.compareTo(Duration.ofMinutes(10)) <= 0);
    }

    @AssertTrue(message = "must be between 1 second and 5 minutes")
    boolean isStaffDownloadTtlValid() {
        return staffDownloadTtl == null || (staffDownloadTtl.toSeconds() >= 1 && staffDownloadTtl.compareTo(Duration.ofMinutes(5)) <= 0);
    }
}
