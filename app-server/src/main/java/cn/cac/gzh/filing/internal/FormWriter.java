package cn.cac.gzh.filing.internal;

import java.util.Locale;

import cn.cac.gzh.common.DomainException;
import cn.cac.gzh.common.identifiers.MobileNumbers;
import cn.cac.gzh.common.identifiers.ResidentIdNumbers;
import cn.cac.gzh.common.pii.PersonalDataCipher;
import cn.cac.gzh.filing.FilingForm;
import cn.cac.gzh.filing.FormType;
import cn.cac.gzh.region.RegionDirectory;

import org.springframework.stereotype.Component;

/**
 * Copies a form into the stored row: trims, normalises identifiers, encrypts ID numbers with their
 * blind index, and clears the other form type's fields so a switch leaves nothing stale behind.
 */
@Component
class FormWriter {

    private final PersonalDataCipher cipher;
    private final RegionDirectory regions;

    FormWriter(PersonalDataCipher cipher, RegionDirectory regions) {
        this.cipher = cipher;
        this.regions = regions;
    }

    void write(FilingForm form, FilingRow row) {
        writeCounty(form.countyCode(), row);
        row.setFormType(form.formType());
        writeAccount(form.account(), row);
        if (form.formType() == FormType.UNIT) {
            writeUnit(form.unit(), row);
            clearIndividual(row);
            row.setSubjectName(row.getUnitName());
        } else {
            writeIndividual(form.individual(), row);
            clearUnit(row);
            row.setSubjectName(row.getPersonName());
        }
    }

    /**
     * The county the filing belongs to: named by the operator, else kept (a new filing: the default county). Its
     * number carries the county, so a numbered filing stays where it is.
     */
    private void writeCounty(String code, FilingRow row) {
        if (code == null || code.equals(row.getCountyCode())) {
            if (row.getCountyCode() == null) {
                row.setCountyCode(regions.defaultCountyCode());
            }
            return;
        }
        regions.requireCounty(code);
        if (row.getFilingNumber() != null) {
            throw DomainException.conflict("COUNTY_LOCKED", "已备案的公众号不能更换所属县（区）");
        }
        row.setCountyCode(code);
    }

    private static void writeAccount(FilingForm.AccountSection account, FilingRow row) {
        row.setAccountName(text(account.name()));
        row.setAccountWechatId(text(account.wechatId()));
        String originalId = text(account.originalId());
        row.setAccountOriginalId(originalId == null ? null : originalId.toLowerCase(Locale.ROOT));
        row.setAccountType(account.type());
        row.setOpenedOn(account.openedOn());
        row.setContentCategory(text(account.contentCategory()));
        row.setRegistrationPlace(text(account.registrationPlace()));
        row.setOperatingPlace(text(account.operatingPlace()));
        row.setTownship(text(account.township()));
        row.setBusinessScope(text(account.businessScope()));
    }

    private void writeUnit(FilingForm.UnitSection unit, FilingRow row) {
        var section = unit == null ? new FilingForm.UnitSection(null, null, null, null, null, null) : unit;
        row.setUnitName(text(section.name()));
        row.setUnitType(section.type());
        String code = text(section.creditCode());
        row.setUnitCode(code == null ? null : code.toUpperCase(Locale.ROOT));
        row.setUnitAddress(text(section.address()));
        var responsible = section.responsiblePerson() == null
                ? new FilingForm.PersonSection(null, null, null) : section.responsiblePerson();
        row.setResponsibleName(text(responsible.name()));
        row.setResponsiblePhone(phone(responsible.phone()));
        if (responsible.idNumber() != null) {
            String id = ResidentIdNumbers.normalize(responsible.idNumber());
            row.setResponsibleIdCipher(cipher.encrypt(id));
            row.setResponsibleIdIndex(cipher.blindIndex(id));
        }
        var admin = section.administrator() == null
                ? new FilingForm.AdministratorSection(null, null, null, null) : section.administrator();
        row.setAdminName(text(admin.name()));
        row.setAdminPhone(phone(admin.phone()));
        row.setAdminPosition(text(admin.position()));
        if (admin.idNumber() != null) {
            String id = ResidentIdNumbers.normalize(admin.idNumber());
            row.setAdminIdCipher(cipher.encrypt(id));
            row.setAdminIdIndex(cipher.blindIndex(id));
        }
    }

    private void writeIndividual(FilingForm.IndividualSection individual, FilingRow row) {
        var section = individual == null
                ? new FilingForm.IndividualSection(null, null, null, null, null, null, null) : individual;
        row.setPersonName(text(section.name()));
        row.setPersonPhone(phone(section.phone()));
        row.setPersonAddress(text(section.address()));
        row.setSelfEmployed(section.selfEmployed());
        boolean selfEmployed = Boolean.TRUE.equals(section.selfEmployed());
        row.setBusinessName(selfEmployed ? text(section.businessName()) : null);
        row.setBusinessLicenceNo(selfEmployed ? text(section.licenceNumber()) : null);
        if (section.idNumber() != null) {
            String id = ResidentIdNumbers.normalize(section.idNumber());
            row.setPersonIdCipher(cipher.encrypt(id));
            row.setPersonIdIndex(cipher.blindIndex(id));
        }
    }

    private static void clearUnit(FilingRow row) {
        row.setUnitName(null);
        row.setUnitType(null);
        row.setUnitCode(null);
        row.setUnitAddress(null);
        row.setResponsibleName(null);
        row.setResponsibleIdCipher(null);
        row.setResponsibleIdIndex(null);
        row.setResponsiblePhone(null);
        row.setAdminName(null);
        row.setAdminIdCipher(null);
        row.setAdminIdIndex(null);
        row.setAdminPhone(null);
        row.setAdminPosition(null);
    }

    private static void clearIndividual(FilingRow row) {
        row.setPersonName(null);
        row.setPersonIdCipher(null);
        row.setPersonIdIndex(null);
        row.setPersonPhone(null);
        row.setPersonAddress(null);
        row.setSelfEmployed(null);
        row.setBusinessName(null);
        row.setBusinessLicenceNo(null);
    }

    private static String phone(String value) {
        String phone = text(value);
        return phone == null ? null : MobileNumbers.normalize(phone);
    }

    private static String text(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
