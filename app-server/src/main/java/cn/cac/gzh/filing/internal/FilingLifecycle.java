package cn.cac.gzh.filing.internal;

import java.util.Map;
import java.util.Set;

import cn.cac.gzh.common.DomainException;
import cn.cac.gzh.filing.FilingStatus;

import static cn.cac.gzh.filing.FilingStatus.APPROVED;
import static cn.cac.gzh.filing.FilingStatus.DRAFT;
import static cn.cac.gzh.filing.FilingStatus.REJECTED;
import static cn.cac.gzh.filing.FilingStatus.REVOKED;
import static cn.cac.gzh.filing.FilingStatus.SUBMITTED;

/** The filing state machine: which action is allowed from which state, and where it leads. */
final class FilingLifecycle {

    enum Action {
        SUBMIT("提交"), REQUEST_CHANGE("申请变更"), APPROVE("审核通过"), REJECT("退回"), REVOKE("撤销");

        private final String label;

        Action(String label) {
            this.label = label;
        }
    }

    private static final Map<Action, Map<FilingStatus, FilingStatus>> TRANSITIONS = Map.of(
            Action.SUBMIT, Map.of(DRAFT, SUBMITTED, REJECTED, SUBMITTED),
            Action.REQUEST_CHANGE, Map.of(APPROVED, SUBMITTED),
            Action.APPROVE, Map.of(SUBMITTED, APPROVED),
            Action.REJECT, Map.of(SUBMITTED, REJECTED),
            Action.REVOKE, Map.of(DRAFT, REVOKED, SUBMITTED, REVOKED, APPROVED, REVOKED, REJECTED, REVOKED));

    /** States in which the operator may change the form in place. */
    private static final Set<FilingStatus> EDITABLE = Set.of(DRAFT, REJECTED);

    private FilingLifecycle() {
    }

    /** The state after {@code action}, or a 409 {@code ILLEGAL_TRANSITION} that changes nothing. */
    static FilingStatus next(FilingStatus from, Action action) {
        FilingStatus to = TRANSITIONS.get(action).get(from);
        if (to == null) {
            throw DomainException.conflict("ILLEGAL_TRANSITION",
                    "备案当前状态为“" + from.label() + "”，不能" + action.label);
        }
        return to;
    }

    static void requireEditable(FilingStatus status) {
        if (!EDITABLE.contains(status)) {
            throw DomainException.conflict("FILING_NOT_EDITABLE", "备案当前状态为“" + status.label()
                    + "”，不能直接修改" + (status == APPROVED ? "，请提交变更申请" : ""));
        }
    }
}
