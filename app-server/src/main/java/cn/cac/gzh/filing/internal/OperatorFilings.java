package cn.cac.gzh.filing.internal;

import cn.cac.gzh.common.FieldProblem;
import cn.cac.gzh.common.db.RetryTransientFailures;
import cn.cac.gzh.filing.FilingForm;
import java.time.LocalDateTime;
import java.util.List;

import cn.cac.gzh.account.OperatorConsents;
import cn.cac.gzh.filing.FilingRef;
import cn.cac.gzh.filing.SubmissionCheck;
import cn.cac.gzh.filing.ActorType;
import cn.cac.gzh.filing.FilingStatus;
import cn.cac.gzh.filing.internal.FilingLifecycle.Action;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What an operator does with their own filings. Every method either completes or changes nothing. */
@Service
class OperatorFilings {

    private final FilingStore store;
    private final FilingMapper filings;
    private final FormWriter writer;
    private final FilingTransitions transitions;
    private final OperatorConsents consents;
    private final List<SubmissionCheck> submissionChecks;

    OperatorFilings(FilingStore store, FilingMapper filings, FormWriter writer, FilingTransitions transitions,
            OperatorConsents consents, List<SubmissionCheck> submissionChecks) {
        this.store = store;
        this.filings = filings;
        this.writer = writer;
        this.transitions = transitions;
        this.consents = consents;
        this.submissionChecks = List.copyOf(submissionChecks);
    }

    List<FilingRow> list(long operatorId) {
        return filings.findByOperator(operatorId);
    }

    FilingRow get(long operatorId, long id) {
        return store.requireOwned(id, operatorId);
    }

    @Transactional
    @RetryTransientFailures
    public FilingRow create(long operatorId, FilingForm form) {
        consents.requireCurrentConsent(operatorId);
        LocalDateTime now = store.now();
        FilingRow row = new FilingRow();
        row.setOperatorId(operatorId);
        row.setStatus(FilingStatus.DRAFT);
        row.setVersion(0);
        row.setCreatedAt(now);
        row.setUpdatedAt(now);
        writer.write(form, row);
        store.insert(row);
        transitions.record(row, null, ActorType.OPERATOR, operatorId, null, now);
        return row;
    }

    @Transactional
    @RetryTransientFailures
    public FilingRow update(long operatorId, long id, int version, FilingForm form) {
        consents.requireCurrentConsent(operatorId);
        FilingRow row = store.requireOwned(id, operatorId);
        FilingLifecycle.requireEditable(row.getStatus());
        FilingStore.requireVersion(row, version);
        writer.write(form, row);
        store.update(row);
        return row;
    }

    @Transactional
    @RetryTransientFailures
    public FilingRow submit(long operatorId, long id, int version) {
        consents.requireCurrentConsent(operatorId);
        FilingRow row = store.requireOwned(id, operatorId);
        FilingStore.requireVersion(row, version);
        FilingStatus from = row.getStatus();
        row.setStatus(FilingLifecycle.next(from, Action.SUBMIT));
        FilingCompleteness.require(row, otherChecks(row));
        return handIn(row, from, operatorId);
    }

    /** An approved filing changes only through review: the new content goes straight back to SUBMITTED. */
    @Transactional
    @RetryTransientFailures
    public FilingRow requestChange(long operatorId, long id, int version, FilingForm form) {
        consents.requireCurrentConsent(operatorId);
        FilingRow row = store.requireOwned(id, operatorId);
        FilingStore.requireVersion(row, version);
        FilingStatus from = row.getStatus();
        row.setStatus(FilingLifecycle.next(from, Action.REQUEST_CHANGE));
        writer.write(form, row);
        FilingCompleteness.require(row, otherChecks(row));
        return handIn(row, from, operatorId);
    }

    @Transactional
    @RetryTransientFailures
    public FilingRow revoke(long operatorId, long id, int version, String reason) {
        FilingRow row = store.requireOwned(id, operatorId);
        FilingStore.requireVersion(row, version);
        FilingStatus from = row.getStatus();
        row.setStatus(FilingLifecycle.next(from, Action.REVOKE));
        row.setRevocationReason(reason);
        store.update(row);
        transitions.record(row, from, ActorType.OPERATOR, operatorId, reason, store.now());
        return row;
    }

    private List<FieldProblem> otherChecks(FilingRow row) {
        FilingRef ref = new FilingRef(row.getId(), row.getOperatorId(), row.getFormType(), row.getStatus());
        return submissionChecks.stream().flatMap(check -> check.missing(ref).stream()).toList();
    }

    private FilingRow handIn(FilingRow row, FilingStatus from, long operatorId) {
        LocalDateTime now = store.now();
        row.setSubmittedAt(now);
        row.setRejectionReason(null);
        store.update(row);
        transitions.record(row, from, ActorType.OPERATOR, operatorId, null, now);
        return row;
    }
}
