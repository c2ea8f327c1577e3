package cn.cac.gzh.common.identifiers;

import java.time.LocalDate;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import cn.cac.gzh.common.TimeConfiguration;

/** Validates {@link ResidentIdNumber}; "today" comes from the validation clock so that tests can fix it. */
public final class ResidentIdNumberValidator implements ConstraintValidator<ResidentIdNumber, CharSequence> {

    private boolean specificMessages;

    @Override
    public void initialize(ResidentIdNumber constraint) {
        specificMessages = ConstraintMessages.hasDefaultMessage(constraint);
    }

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        if (value == null || value.isEmpty()) {
            return true;
        }
        // Birth dates are calendar dates in China, so "today" is counted in the display zone, not in UTC.
        LocalDate today = LocalDate.ofInstant(
                context.getClockProvider().getClock().instant(), TimeConfiguration.DISPLAY_ZONE);
        ResidentIdNumbers.Result result = ResidentIdNumbers.validate(value.toString(), today);
        if (result.isValid()) {
            return true;
        }
        if (specificMessages) {
            ConstraintMessages.replace(context, message(result));
        }
        return false;
    }

    static String message(ResidentIdNumbers.Result result) {
        return switch (result) {
            case FORMAT -> "身份证号码格式应为18位，最后一位可为X";
            case PROVINCE -> "身份证号码前两位不是有效的省级行政区划代码";
            case BIRTH_DATE -> "身份证号码中的出生日期无效或晚于今天";
            case CHECKSUM -> "身份证号码校验位不正确";
            case VALID -> throw new IllegalArgumentException("A valid number has no violation message");
        };
    }
}
