package cn.cac.gzh.reminder.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Repository;

/**
 * The {@code filing_notice} rows. Writing is "insert unless the unique key exists" in one statement,
 * so two scans (or two instances) racing on the same step leave one row and never deadlock on a
 * locking read; sending claims rows with {@code FOR UPDATE SKIP LOCKED}.
 */
@Repository
class NoticeStore {

    /** A notice due for sending. */
    record Due(long id, String kind, String ruleCode, long filingId, long operatorId, String title, String body,
            LocalDateTime createdAt) {
    }

    /** A notice as history shows it. */
    record Stored(long id, String kind, String ruleCode, Integer step, String title, String body, String status,
            LocalDateTime createdAt, LocalDateTime sendAt, LocalDateTime sentAt, LocalDateTime cancelledAt) {
    }

    /** Rows per INSERT statement. */
    private static final int INSERT_CHUNK = 500;

    private final NoticeMapper notices;

    NoticeStore(NoticeMapper notices) {
        this.notices = notices;
    }

    /** Writes the notices whose key is new; the others are left as they are. */
    void insertNew(List<NewNotice> batch, LocalDateTime sendAt, LocalDateTime now) {
        if (batch.isEmpty()) {
            return;
        }
        List<NewNotice> cut = batch.stream().map(notice -> new NewNotice(notice.kind(), notice.ruleCode(), notice.filingId(),
                notice.operatorId(), notice.occasion(), notice.step(), notice.transitionId(),
                NoticeTexts.cut(notice.title(), NoticeTexts.TITLE_LIMIT), NoticeTexts.cut(notice.body(), NoticeTexts.BODY_LIMIT)))
                .toList();
        for (int from = 0; from < cut.size(); from += INSERT_CHUNK) {
            notices.insertIgnoringExisting(cut.subList(from, Math.min(cut.size(), from + INSERT_CHUNK)), sendAt, now);
        }
    }

    /** The notice of a state change while it is still waiting to be sent. */
    Optional<Due> reviewResult(long transitionId) {
        return Optional.ofNullable(notices.pendingOfTransition(transitionId));
    }

    /** The same for a state change published before transition ids existed, keyed by its day. */
    Optional<Due> reviewResultOfDay(String result, long filingId, LocalDate day) {
        return Optional.ofNullable(notices.pendingOfDay(result, filingId, day));
    }

    /** Locks pending notices that may be sent now; rows another instance holds are skipped. */
    List<Due> claimDue(LocalDateTime now, int limit) {
        return notices.lockDue(now, limit);
    }

    /** False when the notice was no longer pending (sent or cancelled by someone else). */
    boolean markSent(long id, LocalDateTime now) {
        return notices.markSent(id, now) == 1;
    }

    void markCancelled(long id, LocalDateTime now) {
        notices.markCancelled(id, now);
    }

    /** Cancels a filing's reminders not sent yet; returns how many. */
    int cancelPendingReminders(long filingId, LocalDateTime now) {
        return notices.cancelPendingReminders(filingId, now);
    }

    /** Reminders of a filing already handed to the delivery pipeline since {@code since} (their WeChat sends may still wait). */
    List<Long> recentlySentReminders(long filingId, LocalDateTime since) {
        return notices.sentRemindersSince(filingId, since);
    }

    /** A filing's notices, newest first. */
    List<Stored> history(long filingId) {
        return notices.newestOfFiling(filingId);
    }

    Optional<Stored> find(long id) {
        return Optional.ofNullable(notices.find(id));
    }
}
