package cn.cac.gzh.filing.internal;

import cn.cac.gzh.filing.FilingForm;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.UnaryOperator;

import cn.cac.gzh.common.Times;
import cn.cac.gzh.common.identifiers.Masking;
import cn.cac.gzh.common.pii.PersonalDataCipher;
import cn.cac.gzh.filing.ActorType;
import cn.cac.gzh.filing.FilingStatus;
import cn.cac.gzh.filing.FormType;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.stereotype.Component;

/** Stored rows as operators see them: ID numbers and phones masked, times in Beijing time. */
@Component
class FilingViews {

    private final PersonalDataCipher cipher;
    private final TransitionMapper transitions;
    private final Clock clock;

    FilingViews(PersonalDataCipher cipher, TransitionMapper transitions, Clock clock) {
        this.cipher = cipher;
        this.transitions = transitions;
        this.clock = clock;
    }

    @Schema(description = "备案概要")
    record FilingSummary(long id, String accountName, FilingStatus status, String statusLabel, String filingNumber,
            @Schema(description = "备案截止日期") LocalDate dueOn,
            @Schema(description = "是否已逾期未备案") boolean overdue, int version) {
    }

    @Schema(description = "备案详情（身份证号码、手机号已脱敏）")
    record FilingView(long id, FilingStatus status, String statusLabel, int version, String filingNumber,
            LocalDate dueOn, boolean overdue, FilingForm form, String rejectionReason, String revocationReason,
            OffsetDateTime submittedAt, OffsetDateTime decidedAt, OffsetDateTime createdAt, OffsetDateTime updatedAt,
            List<TransitionView> history) {
    }

    @Schema(description = "状态变更记录")
    record TransitionView(FilingStatus from, FilingStatus to, ActorType actorType, String reason, OffsetDateTime at) {
    }

    FilingSummary summary(FilingRow row) {
        return new FilingSummary(row.getId(), row.getAccountName(), row.getStatus(), row.getStatus().label(),
                row.getFilingNumber(), row.getDueOn(), overdue(row), row.getVersion());
    }

    FilingView view(FilingRow row) {
        List<TransitionView> history = transitions.findByFiling(row.getId()).stream()
                .map(t -> new TransitionView(t.fromStatus(), t.toStatus(), t.actorType(), t.reason(), Times.display(t.occurredAt())))
                .toList();
        return new FilingView(row.getId(), row.getStatus(), row.getStatus().label(), row.getVersion(),
                row.getFilingNumber(), row.getDueOn(), overdue(row), maskedForm(row), row.getRejectionReason(),
                row.getRevocationReason(), Times.display(row.getSubmittedAt()), Times.display(row.getDecidedAt()),
                Times.display(row.getCreatedAt()), Times.display(row.getUpdatedAt()), history);
    }

    boolean overdue(FilingRow row) {
        return DeadlineCalculator.isOverdue(row.getStatus(), row.getDueOn(), Times.today(clock));
    }

    /** The form as the operator (and a reviewer) sees it: ID numbers and phones masked. */
    FilingForm maskedForm(FilingRow row) {
        return form(row, stored -> stored == null ? null : Masking.idNumber(cipher.decrypt(stored)), Masking::phone);
    }

    /** The full form, for the printed sheet. */
    FilingForm unmaskedForm(FilingRow row) {
        return form(row, cipher::decrypt, phone -> phone);
    }

    private static FilingForm form(FilingRow row, UnaryOperator<String> storedId, UnaryOperator<String> phone) {
        var account = new FilingForm.AccountSection(row.getAccountName(), row.getAccountWechatId(),
                row.getAccountOriginalId(), row.getAccountType(), row.getOpenedOn(), row.getContentCategory(),
                row.getRegistrationPlace(), row.getOperatingPlace(), row.getTownship(), row.getBusinessScope());
        if (row.getFormType() == FormType.UNIT) {
            var unit = new FilingForm.UnitSection(row.getUnitName(), row.getUnitType(), row.getUnitCode(),
                    row.getUnitAddress(),
                    new FilingForm.PersonSection(row.getResponsibleName(), storedId.apply(row.getResponsibleIdCipher()),
                            phone.apply(row.getResponsiblePhone())),
                    new FilingForm.AdministratorSection(row.getAdminName(), storedId.apply(row.getAdminIdCipher()),
                            phone.apply(row.getAdminPhone()), row.getAdminPosition()));
            return new FilingForm(FormType.UNIT, account, unit, null, row.getCountyCode());
        }
        var individual = new FilingForm.IndividualSection(row.getPersonName(), storedId.apply(row.getPersonIdCipher()),
                phone.apply(row.getPersonPhone()), row.getPersonAddress(), row.getSelfEmployed(),
                row.getBusinessName(), row.getBusinessLicenceNo());
        return new FilingForm(FormType.INDIVIDUAL, account, null, individual, row.getCountyCode());
    }
}
