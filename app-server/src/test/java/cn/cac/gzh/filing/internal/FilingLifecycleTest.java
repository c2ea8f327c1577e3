package cn.cac.gzh.filing.internal;

import java.util.Map;
import java.util.stream.Stream;

import cn.cac.gzh.common.DomainException;
import cn.cac.gzh.common.ErrorKind;
import cn.cac.gzh.filing.FilingStatus;
import cn.cac.gzh.filing.internal.FilingLifecycle.Action;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static cn.cac.gzh.filing.FilingStatus.APPROVED;
import static cn.cac.gzh.filing.FilingStatus.DRAFT;
import static cn.cac.gzh.filing.FilingStatus.REJECTED;
import static cn.cac.gzh.filing.FilingStatus.REVOKED;
import static cn.cac.gzh.filing.FilingStatus.SUBMITTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The whole matrix: every (state, action) pair is either the documented transition or a 409. */
class FilingLifecycleTest {

    private static final Map<String, FilingStatus> ALLOWED = Map.of(
            "DRAFT SUBMIT", SUBMITTED, "REJECTED SUBMIT", SUBMITTED,
            "APPROVED REQUEST_CHANGE", SUBMITTED,
            "SUBMITTED APPROVE", APPROVED, "SUBMITTED REJECT", REJECTED,
            "DRAFT REVOKE", REVOKED, "SUBMITTED REVOKE", REVOKED, "APPROVED REVOKE", REVOKED, "REJECTED REVOKE", REVOKED);

    static Stream<Arguments> everyPair() {
        return Stream.of(FilingStatus.values())
                .flatMap(status -> Stream.of(Action.values()).map(action -> Arguments.of(status, action)));
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("everyPair")
    void transitionOrConflict(FilingStatus from, Action action) {
        FilingStatus expected = ALLOWED.get(from + " " + action);
        if (expected != null) {
            assertThat(FilingLifecycle.next(from, action)).isEqualTo(expected);
        } else {
            assertThatThrownBy(() -> FilingLifecycle.next(from, action))
                    .isInstanceOfSatisfying(DomainException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT);
                        assertThat(e.code()).isEqualTo("ILLEGAL_TRANSITION");
                        assertThat(e.getMessage()).contains(from.label());
                    });
        }
    }

    @ParameterizedTest
    @MethodSource("statuses")
    void onlyDraftsAndRejectedFilingsAreEditable(FilingStatus status) {
        if (status == DRAFT || status == REJECTED) {
            FilingLifecycle.requireEditable(status);
        } else {
            assertThatThrownBy(() -> FilingLifecycle.requireEditable(status))
                    .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("FILING_NOT_EDITABLE"));
        }
    }

    static Stream<FilingStatus> statuses() {
        return Stream.of(FilingStatus.values());
    }
}
