package cn.cac.gzh.material.internal;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;

import cn.cac.gzh.common.ErrorKind;
import cn.cac.gzh.common.db.RetryingTransactions;
import cn.cac.gzh.common.DomainException;
import cn.cac.gzh.filing.FilingLookup;
import cn.cac.gzh.filing.FilingRef;
import cn.cac.gzh.filing.FilingStatus;
import cn.cac.gzh.material.MaterialChecklist;
import cn.cac.gzh.material.MaterialProperties;
import cn.cac.gzh.material.RecognitionProperties;
import cn.cac.gzh.material.MaterialType;
import cn.cac.gzh.storage.ObjectStorage;
import cn.cac.gzh.storage.FileNames;
import cn.cac.gzh.storage.FileSniffer;
import cn.cac.gzh.storage.ObjectStorageException;
import cn.cac.gzh.storage.PresignedPost;
import cn.cac.gzh.storage.StoredObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Direct uploads: a ticket names one object key and what may go there; the storage server enforces
 * it; confirmation checks what actually arrived before anything refers to it.
 */
@Service
class UploadTickets {

    static final Set<String> ALLOWED_TYPES = Set.of("image/jpeg", "image/png", "application/pdf");
    private static final Set<FilingStatus> UPLOADABLE = Set.of(FilingStatus.DRAFT, FilingStatus.REJECTED, FilingStatus.APPROVED);
    private static final Logger log = LoggerFactory.getLogger(UploadTickets.class);

    private final FilingLookup filings;
    private final MaterialMapper mapper;
    private final RecognitionMapper recognitions;
    private final ObjectStorage storage;
    private final MaterialProperties properties;
    private final RecognitionProperties recognition;
    private final RetryingTransactions transactions;
    private final Clock clock;

    UploadTickets(FilingLookup filings, MaterialMapper mapper, RecognitionMapper recognitions, ObjectStorage storage,
            MaterialProperties properties, RecognitionProperties recognition, RetryingTransactions transactions, Clock clock) {
        this.filings = filings;
        this.recognitions = recognitions;
        this.recognition = recognition;
        this.mapper = mapper;
        this.storage = storage;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    record IssuedTicket(String ticketId, MaterialType materialType, PresignedPost upload, long maxBytes) {
    }

    IssuedTicket issue(long operatorId, long filingId, MaterialType type, String fileName, String contentType, long size) {
        FilingRef filing = ownedUploadable(operatorId, filingId);
        if (!MaterialChecklist.requiredFor(filing.formType()).contains(type)) {
            throw DomainException.invalid("MATERIAL_TYPE_NOT_IN_CHECKLIST", "该备案表不需要此类材料：" + type.label());
        }
        if (!ALLOWED_TYPES.contains(contentType)) {
            throw DomainException.invalid("FILE_TYPE_NOT_ALLOWED", "仅支持 JPEG、PNG 图片或 PDF 文件");
        }
        long max = properties.maxFileSize().toBytes();
        if (size <= 0 || size > max) {
            throw new DomainException(ErrorKind.TOO_LARGE, "FILE_TOO_LARGE",
                    "文件大小应在 1 字节到 " + properties.maxFileSize().toMegabytes() + " MB 之间");
        }
        String ticketId = UUID.randomUUID().toString().replace("-", "");
        String uploadKey = "u/" + UUID.randomUUID().toString().replace("-", "");
        LocalDateTime now = LocalDateTime.now(clock);
        PresignedPost upload = storage.presignedPost(uploadKey, contentType, max, properties.uploadTicketTtl());
        mapper.insertTicket(new MaterialMapper.Ticket(ticketId, filingId, operatorId, type, uploadKey,
                safeFileName(fileName), contentType, size, "PENDING", now, now.plus(properties.uploadTicketTtl())));
        return new IssuedTicket(ticketId, type, upload, max);
    }

    /**
     * Checks the uploaded object and files it. Storage work happens outside the database
     * transaction; the rows are written only once the object is in its final place.
     */
    MaterialMapper.StoredFile confirm(long operatorId, long filingId, String ticketId) {
        ownedUploadable(operatorId, filingId);
        MaterialMapper.Ticket ticket = mapper.ticket(ticketId, filingId);
        if (ticket == null || ticket.operatorId() != operatorId) {
            throw DomainException.notFound("UPLOAD_TICKET_NOT_FOUND", "上传凭证不存在");
        }
        if ("CONFIRMED".equals(ticket.status())) {
            return mapper.fileOfUpload(ticketId);
        }
        if (!"PENDING".equals(ticket.status())) {
            throw DomainException.conflict("UPLOAD_TICKET_CLOSED", "上传凭证已失效，请重新上传");
        }
        StoredObject object = storage.stat(ticket.uploadKey())
                .orElseThrow(() -> DomainException.conflict("UPLOAD_MISSING", "未收到上传的文件，请重新上传"));
        long max = properties.maxFileSize().toBytes();
        if (object.size() <= 0 || object.size() > max) {
            refuse(ticket);
            throw new DomainException(ErrorKind.TOO_LARGE, "FILE_TOO_LARGE", "文件大小超出限制，请重新上传");
        }
        Inspection inspection = inspect(ticket.uploadKey());
        if (!ticket.contentType().equals(inspection.sniffedType())) {
            refuse(ticket);
            throw DomainException.invalid("FILE_TYPE_MISMATCH", "文件内容与所选类型不符（仅支持真实的 JPEG、PNG 或 PDF 文件），请重新上传");
        }
        String objectKey = "m/" + UUID.randomUUID().toString().replace("-", "");
        // the upload key stays writable until the policy expires; the final key never is
        storage.copy(ticket.uploadKey(), objectKey);
        boolean filed;
        try {
            filed = transactions.execute("confirmMaterial", () -> file(operatorId, ticket, objectKey, object, inspection));
        } catch (RuntimeException e) {
            deleteQuietly(objectKey);
            throw e;
        }
        if (!filed) {
            // the same ticket was confirmed by a simultaneous request, which filed its own copy
            deleteQuietly(objectKey);
            return mapper.fileOfUpload(ticketId);
        }
        deleteQuietly(ticket.uploadKey());
        log.info("Material confirmed: filingId={} type={} size={}", filingId, ticket.materialType(), object.size());
        return mapper.fileOfUpload(ticketId);
    }

    /**
     * The database half of a confirmation, in one short transaction. The filing's row lock puts
     * simultaneous confirmations for one filing in a line, so exactly one file per item stays current
     * and none lands after the filing was submitted; the ticket is claimed by a conditional update.
     */
    private boolean file(long operatorId, MaterialMapper.Ticket ticket, String objectKey, StoredObject object,
            Inspection inspection) {
        FilingRef filing = filings.lockOwned(ticket.filingId(), operatorId);
        requireUploadable(filing);
        LocalDateTime now = LocalDateTime.now(clock);
        if (mapper.claimTicket(ticket.id(), now) == 0) {
            return false;
        }
        mapper.supersede(ticket.filingId(), ticket.materialType(), now);
        mapper.insertFile(ticket.filingId(), ticket.materialType(), ticket.id(), objectKey, ticket.fileName(),
                ticket.contentType(), object.size(), inspection.sha256(), operatorId, now);
        if (recognition.enabled() && CrossCheck.recognisable(ticket.materialType())) {
            // WeChat's OCR reads photos only; a PDF is recorded as not checked, so the reviewer sees why
            boolean pdf = "application/pdf".equals(ticket.contentType());
            recognitions.insertFor(ticket.id(), pdf ? "SKIPPED" : "PENDING", pdf ? MaterialChecks.SKIPPED_PDF : null, now);
        }
        return true;
    }

    private FilingRef ownedUploadable(long operatorId, long filingId) {
        FilingRef filing = filings.requireOwned(filingId, operatorId);
        requireUploadable(filing);
        return filing;
    }

    private static void requireUploadable(FilingRef filing) {
        if (!UPLOADABLE.contains(filing.status())) {
            throw DomainException.conflict("MATERIALS_LOCKED", "备案当前状态为“" + filing.status().label() + "”，不能更换材料");
        }
    }

    private void refuse(MaterialMapper.Ticket ticket) {
        deleteQuietly(ticket.uploadKey());
        transactions.run("refuseMaterial", () -> mapper.finishTicket(ticket.id(), "REFUSED", LocalDateTime.now(clock)));
    }

    record Inspection(String sniffedType, String sha256) {
    }

    /** One streaming pass: the first bytes for the type, all bytes for the hash. */
    private Inspection inspect(String key) {
        try (InputStream raw = storage.open(key)
                .orElseThrow(() -> DomainException.conflict("UPLOAD_MISSING", "未收到上传的文件，请重新上传"));
             DigestInputStream in = new DigestInputStream(raw, MessageDigest.getInstance("SHA-256"))) {
            byte[] header = in.readNBytes(FileSniffer.HEADER_BYTES);
            in.transferTo(java.io.OutputStream.nullOutputStream());
            String type = FileSniffer.contentType(header).orElse("unknown");
            return new Inspection(type, HexFormat.of().formatHex(in.getMessageDigest().digest()));
        } catch (IOException e) {
            throw new ObjectStorageException("Could not read an uploaded object", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void deleteQuietly(String key) {
        try {
            storage.delete(key);
        } catch (ObjectStorageException e) {
            // the clean-up job retries for unconfirmed uploads; a leftover upload object holds no reference
            log.warn("Could not delete an object now; clean-up will retry: reason={}", e.getMessage());
        }
    }

    /** Keeps a display name only: no path, no control characters, bounded length. */
    static String safeFileName(String name) {
        return FileNames.displayName(name, "file");
    }
}
