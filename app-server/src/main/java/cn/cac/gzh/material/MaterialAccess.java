package cn.cac.gzh.material;

import java.time.Duration;
import java.time.Instant;

/** How staff reach a material: a short-lived presigned link, every issuance audited. */
public interface MaterialAccess {

    /** A link valid for the configured time (at most 5 minutes). Throws 404 {@code MATERIAL_NOT_FOUND}. */
    StaffDownload issueStaffDownload(long materialId, long staffId, String clientIp);

    /** The same with a shorter validity (never longer than the configured one). */
    StaffDownload issueStaffDownload(long materialId, long staffId, String clientIp, Duration validity);

    record StaffDownload(String url, Instant expiresAt) {
    }
}
