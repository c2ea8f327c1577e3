package cn.cac.gzh.common.identifiers;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Validates {@link UnitCode}: the two code kinds differ in length, so at most one of the checks can succeed. */
public final class UnitCodeValidator implements ConstraintValidator<UnitCode, CharSequence> {

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        if (value == null || value.isEmpty()) {
            return true;
        }
        String code = value.toString();
        return UnifiedSocialCreditCodes.isValid(code) || OrganizationCodes.isValid(code);
    }
}
