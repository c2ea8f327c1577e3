package cn.cac.gzh.filing.internal;

import java.util.ArrayList;
import java.util.List;

import cn.cac.gzh.common.FieldProblem;
import cn.cac.gzh.common.ErrorKind;
import cn.cac.gzh.common.DomainException;
import cn.cac.gzh.filing.FormType;


/** What a filing must contain before it can be submitted, per form type (notice §3). */
final class FilingCompleteness {

    private static final String REQUIRED = "提交前必须填写";

    private FilingCompleteness() {
    }

    /**
     * Throws 400 {@code FILING_INCOMPLETE} listing every missing field, the form's and those the
     * other submission checks found; changes nothing.
     */
    static void require(FilingRow row, List<FieldProblem> alsoMissing) {
        List<FieldProblem> missing = new ArrayList<>(check(row));
        missing.addAll(alsoMissing);
        if (!missing.isEmpty()) {
            throw new DomainException(ErrorKind.INVALID, "FILING_INCOMPLETE", "登记备案表尚未填写完整", missing);
        }
    }

    static List<FieldProblem> check(FilingRow row) {
        List<FieldProblem> missing = new ArrayList<>();
        need(missing, row.getAccountName(), "account.name");
        need(missing, row.getAccountOriginalId(), "account.originalId");
        need(missing, row.getAccountType(), "account.type");
        need(missing, row.getOpenedOn(), "account.openedOn");
        need(missing, row.getContentCategory(), "account.contentCategory");
        need(missing, row.getRegistrationPlace(), "account.registrationPlace");
        need(missing, row.getOperatingPlace(), "account.operatingPlace");
        if (row.getFormType() == FormType.UNIT) {
            need(missing, row.getBusinessScope(), "account.businessScope");
            need(missing, row.getUnitName(), "unit.name");
            need(missing, row.getUnitType(), "unit.type");
            need(missing, row.getUnitCode(), "unit.creditCode");
            need(missing, row.getUnitAddress(), "unit.address");
            need(missing, row.getResponsibleName(), "unit.responsiblePerson.name");
            need(missing, row.getResponsibleIdCipher(), "unit.responsiblePerson.idNumber");
            need(missing, row.getResponsiblePhone(), "unit.responsiblePerson.phone");
            need(missing, row.getAdminName(), "unit.administrator.name");
            need(missing, row.getAdminIdCipher(), "unit.administrator.idNumber");
            need(missing, row.getAdminPhone(), "unit.administrator.phone");
            need(missing, row.getAdminPosition(), "unit.administrator.position");
        } else {
            need(missing, row.getPersonName(), "individual.name");
            need(missing, row.getPersonIdCipher(), "individual.idNumber");
            need(missing, row.getPersonPhone(), "individual.phone");
            need(missing, row.getPersonAddress(), "individual.address");
            if (Boolean.TRUE.equals(row.getSelfEmployed())) {
                need(missing, row.getBusinessName(), "individual.businessName");
                need(missing, row.getBusinessLicenceNo(), "individual.licenceNumber");
            }
        }
        return missing;
    }

    private static void need(List<FieldProblem> missing, Object value, String field) {
        if (value == null) {
            missing.add(new FieldProblem(field, REQUIRED));
        }
    }
}
