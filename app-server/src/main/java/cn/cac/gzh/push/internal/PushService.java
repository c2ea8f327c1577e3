package cn.cac.gzh.push.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.cac.gzh.common.ErrorKind;
import cn.cac.gzh.audit.AuditEntry;
import cn.cac.gzh.audit.AuditTrail;
import cn.cac.gzh.common.Times;
import cn.cac.gzh.common.db.RetryTransientFailures;
import cn.cac.gzh.common.db.RetryingTransactions;
import cn.cac.gzh.common.DomainException;
import cn.cac.gzh.delivery.Deliveries;
import cn.cac.gzh.delivery.InboxReceipt;
import cn.cac.gzh.delivery.OutgoingMessage;
import cn.cac.gzh.push.PolicyPushes;
import cn.cac.gzh.push.PushAudience;
import cn.cac.gzh.push.PushDraft;
import cn.cac.gzh.region.RegionCodes;
import cn.cac.gzh.region.RegionDirectory;
import cn.cac.gzh.push.PushStatus;
import cn.cac.gzh.push.PushView;
import cn.cac.gzh.storage.FileNames;
import cn.cac.gzh.storage.FileSniffer;
import cn.cac.gzh.storage.ObjectStorage;
import cn.cac.gzh.storage.ObjectStorageException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class PushService implements PolicyPushes {

    static final String SOURCE = "POLICY";
    static final String TEST_SOURCE = "POLICY_TEST";
    private static final Set<String> ATTACHMENT_TYPES = Set.of("application/pdf", "image/jpeg", "image/png");
    private static final Set<PushStatus> CANCELLABLE = Set.of(PushStatus.DRAFT, PushStatus.AWAITING_APPROVAL,
            PushStatus.SCHEDULED, PushStatus.SENDING);

    private final PushRows rows;
    private final RegionDirectory regions;
    private final Deliveries deliveries;
    private final AuditTrail audit;
    private final ObjectStorage storage;
    private final RetryingTransactions transactions;
    private final PushProperties properties;
    private final Clock clock;

    PushService(PushRows rows, RegionDirectory regions, Deliveries deliveries, AuditTrail audit, ObjectStorage storage,
            RetryingTransactions transactions, PushProperties properties, Clock clock) {
        this.rows = rows;
        this.regions = regions;
        this.deliveries = deliveries;
        this.audit = audit;
        this.storage = storage;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    @Transactional
    @RetryTransientFailures
    public PushView create(PushDraft draft, String officeCode, long staffId, String clientIp) {
        requireAudience(draft.audience());
        requireWithinOffice(draft.audience(), officeCode);
        LocalDateTime now = now();
        long id = rows.insertDraft(officeCode, draft.title().strip(), draft.summary().strip(), PushBodies.sanitise(draft.bodyHtml()),
                draft.audience(), draft.channels(), staffId, now);
        audit(staffId, "PUSH_CREATED", id, draft.title(), clientIp);
        return get(id);
    }

    @Override
    @Transactional
    @RetryTransientFailures
    public PushView update(long id, int version, PushDraft draft, long staffId, String clientIp) {
        requireAudience(draft.audience());
        PushRows.Push push = lockDraft(id);
        requireWithinOffice(draft.audience(), push.countyCode());
        requireVersion(push, version);
        rows.updateDraft(id, draft.title().strip(), draft.summary().strip(), PushBodies.sanitise(draft.bodyHtml()),
                draft.audience(), draft.channels(), now());
        audit(staffId, "PUSH_EDITED", id, null, clientIp);
        return get(id);
    }

    @Override
    public PushView get(long id) {
        PushRows.Push push = rows.find(id).orElseThrow(PushService::notFound);
        return view(push);
    }

    @Override
    public List<PushView> list(int page, int size) {
        int limit = Math.max(1, Math.min(size, 100));
        return rows.page((Math.max(1, page) - 1) * limit, limit).stream().map(this::view).toList();
    }

    @Override
    @Transactional
    @RetryTransientFailures
    public PushView publish(long id, int version, LocalDateTime sendAt, long staffId, String clientIp) {
        PushRows.Push push = lockDraft(id);
        requireVersion(push, version);
        LocalDateTime now = now();
        if (sendAt != null && sendAt.isAfter(now.plusDays(366))) {
            throw DomainException.invalid("SEND_AT_TOO_FAR", "定时发送时间不能超过一年");
        }
        PushStatus next = properties.secondApproval() ? PushStatus.AWAITING_APPROVAL : PushStatus.SCHEDULED;
        rows.submit(id, next, sendAt == null || sendAt.isBefore(now) ? now : sendAt, staffId, now);
        audit(staffId, "PUSH_PUBLISHED", id, next.name(), clientIp);
        return get(id);
    }

    @Override
    @Transactional
    @RetryTransientFailures
    public PushView approve(long id, long staffId, String clientIp) {
        PushRows.Push push = rows.lock(id).orElseThrow(PushService::notFound);
        if (push.status() != PushStatus.AWAITING_APPROVAL) {
            throw DomainException.conflict("ILLEGAL_TRANSITION", "推送当前状态为“" + push.status().label() + "”，无需复核");
        }
        if (push.submittedBy() != null && push.submittedBy() == staffId) {
            throw DomainException.conflict("SAME_PUBLISHER", "复核须由另一位发布员进行");
        }
        rows.approve(id, staffId, now());
        audit(staffId, "PUSH_APPROVED", id, null, clientIp);
        return get(id);
    }

    @Override
    @Transactional
    @RetryTransientFailures
    public PushView cancel(long id, long staffId, String clientIp) {
        PushRows.Push push = rows.lock(id).orElseThrow(PushService::notFound);
        if (!CANCELLABLE.contains(push.status())) {
            throw DomainException.conflict("ILLEGAL_TRANSITION", "推送当前状态为“" + push.status().label() + "”，不能取消");
        }
        rows.cancel(id, now());
        int stopped = deliveries.cancel(SOURCE, id);
        audit(staffId, "PUSH_CANCELLED", id, "stopped=" + stopped, clientIp);
        return get(id);
    }

    @Override
    @Transactional
    @RetryTransientFailures
    public int testSend(long id, List<Long> operatorIds, long staffId, String clientIp) {
        PushRows.Push push = rows.find(id).orElseThrow(PushService::notFound);
        if (operatorIds.isEmpty() || operatorIds.size() > 20) {
            throw DomainException.invalid("TEST_RECIPIENTS_INVALID", "测试接收人应为1至20个运营者");
        }
        deliveries.enqueueToOperators(new OutgoingMessage(TEST_SOURCE, id, "【测试】" + push.title(), push.summary(), now()),
                operatorIds, push.channels());
        audit(staffId, "PUSH_TEST_SENT", id, "recipients=" + operatorIds.size(), clientIp);
        return operatorIds.size();
    }

    /** The object goes to the bucket first, outside any transaction; the row follows in a short one. */
    @Override
    public PushView.Attachment attach(long id, String fileName, String contentType, long size, InputStream content, long staffId,
            String clientIp) {
        findDraft(id);
        if (!ATTACHMENT_TYPES.contains(contentType)) {
            throw DomainException.invalid("FILE_TYPE_NOT_ALLOWED", "附件仅支持 PDF、JPEG、PNG");
        }
        if (size <= 0 || size > properties.maxAttachmentSize().toBytes()) {
            throw new DomainException(ErrorKind.TOO_LARGE, "FILE_TOO_LARGE",
                    "附件大小应在 1 字节到 " + properties.maxAttachmentSize().toMegabytes() + " MB 之间");
        }
        byte[] header;
        try {
            header = content.readNBytes(FileSniffer.HEADER_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!contentType.equals(FileSniffer.contentType(header).orElse(""))) {
            throw DomainException.invalid("FILE_TYPE_MISMATCH", "文件内容与类型不符（仅支持真实的 PDF、JPEG、PNG 文件）");
        }
        String key = "p/" + UUID.randomUUID().toString().replace("-", "");
        storage.put(key, new SequenceInputStream(new ByteArrayInputStream(header), content), size, contentType);
        String name = FileNames.displayName(fileName, "附件");
        try {
            return transactions.execute("attachPushFile", () -> {
                lockDraft(id);
                long attachmentId = rows.insertAttachment(id, key, name, contentType, size, now());
                audit(staffId, "PUSH_ATTACHMENT_ADDED", id, name, clientIp);
                return new PushView.Attachment(attachmentId, name, contentType, size);
            });
        } catch (RuntimeException e) {
            deleteQuietly(key);
            throw e;
        }
    }

    @Override
    public void detach(long id, long attachmentId, long staffId, String clientIp) {
        String key = transactions.execute("detachPushFile", () -> {
            lockDraft(id);
            String objectKey = rows.attachmentKey(attachmentId, id)
                    .orElseThrow(() -> DomainException.notFound("ATTACHMENT_NOT_FOUND", "附件不存在"));
            rows.deleteAttachment(attachmentId);
            audit(staffId, "PUSH_ATTACHMENT_REMOVED", id, String.valueOf(attachmentId), clientIp);
            return objectKey;
        });
        deleteQuietly(key);
    }

    @Override
    public List<InboxReceipt> receipts(long id, boolean unreadOnly, long afterOperatorId, int limit) {
        rows.find(id).orElseThrow(PushService::notFound);
        return deliveries.receipts(SOURCE, id, unreadOnly, afterOperatorId, Math.max(1, Math.min(limit, 5000)));
    }

    private PushView view(PushRows.Push push) {
        return new PushView(push.id(), push.title(), push.summary(), push.bodyHtml(), push.audience(), push.channels(),
                push.status(), Times.display(push.scheduledAt()), Times.display(push.publishedAt()),
                Times.display(push.cancelledAt()), push.createdBy(), push.approvedBy(), push.expandedAt() != null,
                push.recipientCount(), push.version(), rows.attachments(push.id()).stream().map(PushRows.StoredAttachment::view).toList(),
                deliveries.progress(SOURCE, push.id()), deliveries.failures(SOURCE, push.id()));
    }

    private PushRows.Push lockDraft(long id) {
        PushRows.Push push = rows.lock(id).orElseThrow(PushService::notFound);
        requireDraft(push);
        return push;
    }

    private void findDraft(long id) {
        requireDraft(rows.find(id).orElseThrow(PushService::notFound));
    }

    private static void requireDraft(PushRows.Push push) {
        if (push.status() != PushStatus.DRAFT) {
            throw DomainException.conflict("PUSH_NOT_DRAFT", "推送当前状态为“" + push.status().label() + "”，不能修改");
        }
    }

    private static void requireVersion(PushRows.Push push, int version) {
        if (push.version() != version) {
            throw DomainException.conflict("VERSION_CONFLICT", "数据已被修改，请刷新后重试");
        }
    }

    /** A county office reaches its own county's filings: not every follower, not operators named at will. */
    private void requireWithinOffice(PushAudience audience, String officeCode) {
        if (officeCode == null) {
            // a session from before offices existed
            throw DomainException.forbidden("SCOPE_FORBIDDEN", "登录信息已过期，请重新登录");
        }
        audience.counties().forEach(regions::requireCounty);
        if (RegionCodes.isCity(officeCode)) {
            return;
        }
        boolean ownCountyOnly = audience.counties().stream().allMatch(officeCode::equals);
        if (audience.kind() == PushAudience.Kind.FOLLOWERS || audience.kind() == PushAudience.Kind.LISTED || !ownCountyOnly) {
            throw DomainException.forbidden("SCOPE_FORBIDDEN", "县级网信办只能向本县（区）的备案主体推送");
        }
    }

    private static void requireAudience(PushAudience audience) {
        if (audience.kind() == PushAudience.Kind.LISTED && audience.operatorIds().isEmpty()) {
            throw DomainException.invalid("AUDIENCE_EMPTY", "请指定接收的运营者");
        }
    }

    private void audit(long staffId, String action, long pushId, String detail, String clientIp) {
        audit.record(new AuditEntry("STAFF", staffId, action, "PUSH", String.valueOf(pushId), detail, clientIp));
    }

    private void deleteQuietly(String key) {
        try {
            storage.delete(key);
        } catch (ObjectStorageException e) {
            // an unreferenced object in a private bucket; nothing points at it
        }
    }


    static DomainException notFound() {
        return DomainException.notFound("PUSH_NOT_FOUND", "推送不存在");
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
