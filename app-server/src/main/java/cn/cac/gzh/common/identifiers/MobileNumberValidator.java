package cn.cac.gzh.common.identifiers;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Validates {@link MobileNumber}. */
public final class MobileNumberValidator implements ConstraintValidator<MobileNumber, CharSequence> {

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        return value == null || value.isEmpty() || MobileNumbers.isValid(value.toString());
    }
}
