package cn.cac.gzh.common.identifiers;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Validates {@link OrganizationCode}. */
public final class OrganizationCodeValidator implements ConstraintValidator<OrganizationCode, CharSequence> {

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        return value == null || value.isEmpty() || OrganizationCodes.isValid(value.toString());
    }
}
