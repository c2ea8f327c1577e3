package cn.cac.gzh.push;

import java.io.InputStream;
import java.time.LocalDateTime;
import java.util.List;

import cn.cac.gzh.delivery.InboxReceipt;

/** The publisher's side of policy pushes (the console calls these). Every change is audited. */
public interface PolicyPushes {

    /**
     * A draft of the staff member's office ({@code officeCode}: their county's code or the city's). A county office may
     * address its own county's filings only (APPROVED, FILTERED): 403 {@code SCOPE_FORBIDDEN} otherwise.
     */
    PushView create(PushDraft draft, String officeCode, long staffId, String clientIp);

    /** Only a draft can change. */
    PushView update(long id, int version, PushDraft draft, long staffId, String clientIp);

    PushView get(long id);

    /** Newest first. */
    List<PushView> list(int page, int size);

    /** Sends now ({@code sendAt} null) or at {@code sendAt} (UTC); waits for a second publisher when that is configured. */
    PushView publish(long id, int version, LocalDateTime sendAt, long staffId, String clientIp);

    /** The second publisher's approval: another person than the one who published it. */
    PushView approve(long id, long staffId, String clientIp);

    /** Stops what has not been sent; inbox items already delivered stay. */
    PushView cancel(long id, long staffId, String clientIp);

    /** The push, as it stands, to these operators only (e.g. the publisher's own mini-program account). */
    int testSend(long id, List<Long> operatorIds, long staffId, String clientIp);

    PushView.Attachment attach(long id, String fileName, String contentType, long size, InputStream content, long staffId,
            String clientIp);

    void detach(long id, long attachmentId, long staffId, String clientIp);

    /** Who received it, keyset-paged by operator id; {@code unreadOnly} for the reminder list. */
    List<InboxReceipt> receipts(long id, boolean unreadOnly, long afterOperatorId, int limit);
}
