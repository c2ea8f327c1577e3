package cn.cac.gzh.material.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import cn.cac.gzh.audit.AuditEntry;
import cn.cac.gzh.audit.AuditTrail;
import cn.cac.gzh.common.web.ApiException;
import cn.cac.gzh.material.MaterialAccess;
import cn.cac.gzh.material.MaterialProperties;
import cn.cac.gzh.storage.ObjectStorage;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff see materials only through short-lived presigned links, and each link is written to the audit log first. */
@Service
class StaffDownloads implements MaterialAccess {

    private final MaterialMapper mapper;
    private final ObjectStorage storage;
    private final AuditTrail audit;
    private final MaterialProperties properties;
    private final Clock clock;

    StaffDownloads(MaterialMapper mapper, ObjectStorage storage, AuditTrail audit, MaterialProperties properties, Clock clock) {
        this.mapper = mapper;
        this.storage = storage;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public StaffDownload issueStaffDownload(long materialId, long staffId, String clientIp) {
        return issueStaffDownload(materialId, staffId, clientIp, properties.staffDownloadTtl());
    }

    @Override
    @Transactional
    public StaffDownload issueStaffDownload(long materialId, long staffId, String clientIp, Duration validity) {
        MaterialMapper.StoredFile file = mapper.file(materialId);
        if (file == null || file.purgedAt() != null) {
            throw ApiException.notFound("MATERIAL_NOT_FOUND", "材料不存在或已按规定删除");
        }
        Duration ttl = validity.compareTo(properties.staffDownloadTtl()) > 0 ? properties.staffDownloadTtl() : validity;
        audit.record(new AuditEntry("STAFF", staffId, "MATERIAL_DOWNLOAD_LINK", "MATERIAL_FILE", String.valueOf(materialId),
                "filing=" + file.filingId() + " type=" + file.materialType() + " ttl=" + ttl.toSeconds() + "s", clientIp));
        String url = storage.presignedGet(file.objectKey(), ttl);
        return new StaffDownload(url, Instant.now(clock).plus(ttl));
    }
}
