package cn.cac.gzh.material.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import cn.cac.gzh.audit.AuditEntry;
import cn.cac.gzh.audit.AuditTrail;
import cn.cac.gzh.common.db.RetryingTransactions;
import cn.cac.gzh.common.DomainException;
import cn.cac.gzh.filing.FilingLookup;
import cn.cac.gzh.material.MaterialAccess;
import cn.cac.gzh.material.MaterialProperties;
import cn.cac.gzh.storage.ObjectStorage;

import org.springframework.stereotype.Service;

/**
 * Staff see materials only through short-lived presigned links, and each link is written to the audit log first:
 * one short transaction reads the file (it must not have been purged) and records the audit entry, then the link
 * is signed outside any transaction (the bucket is a remote service, docs/concurrency.md rule 3). A link is handed
 * out only after its audit entry committed.
 */
@Service
class StaffDownloads implements MaterialAccess {

    private final MaterialMapper mapper;
    private final FilingLookup filings;
    private final ObjectStorage storage;
    private final AuditTrail audit;
    private final MaterialProperties properties;
    private final RetryingTransactions transactions;
    private final Clock clock;

    StaffDownloads(MaterialMapper mapper, FilingLookup filings, ObjectStorage storage, AuditTrail audit, MaterialProperties properties,
            RetryingTransactions transactions, Clock clock) {
        this.mapper = mapper;
        this.filings = filings;
        this.storage = storage;
        this.audit = audit;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public StaffDownload issueStaffDownload(long materialId, long staffId, String clientIp) {
        return issueStaffDownload(materialId, staffId, clientIp, properties.staffDownloadTtl());
    }

    @Override
    public StaffDownload issueStaffDownload(long materialId, long staffId, String clientIp, Duration validity) {
        Duration ttl = validity.compareTo(properties.staffDownloadTtl()) > 0 ? properties.staffDownloadTtl() : validity;
        // no remote call in here: the work is retried whole on a transient failure
        MaterialMapper.StoredFile file = transactions.execute("staffDownload", () -> {
            MaterialMapper.StoredFile found = mapper.file(materialId);
            // material_file has no county of its own: its filing (narrowed to the caller's county) decides
            if (found == null || found.purgedAt() != null || filings.find(found.filingId()).isEmpty()) {
                throw DomainException.notFound("MATERIAL_NOT_FOUND", "材料不存在或已按规定删除");
            }
            audit.record(new AuditEntry("STAFF", staffId, "MATERIAL_DOWNLOAD_LINK", "MATERIAL_FILE",
                    String.valueOf(materialId),
                    "filing=" + found.filingId() + " type=" + found.materialType() + " ttl=" + ttl.toSeconds() + "s",
                    clientIp));
            return found;
        });
        String url = storage.presignedGet(file.objectKey(), ttl);
        return new StaffDownload(url, Instant.now(clock).plus(ttl));
    }
}
