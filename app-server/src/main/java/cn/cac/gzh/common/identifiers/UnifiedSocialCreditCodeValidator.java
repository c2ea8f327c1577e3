package cn.cac.gzh.common.identifiers;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Validates {@link UnifiedSocialCreditCode}. */
public final class UnifiedSocialCreditCodeValidator
        implements ConstraintValidator<UnifiedSocialCreditCode, CharSequence> {

    private boolean specificMessages;

    @Override
    public void initialize(UnifiedSocialCreditCode constraint) {
        specificMessages = ConstraintMessages.hasDefaultMessage(constraint);
    }

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        if (value == null || value.isEmpty()) {
            return true;
        }
        UnifiedSocialCreditCodes.Result result = UnifiedSocialCreditCodes.validate(value.toString());
        if (result.isValid()) {
            return true;
        }
        if (specificMessages) {
            ConstraintMessages.replace(context, message(result));
        }
        return false;
    }

    static String message(UnifiedSocialCreditCodes.Result result) {
        return switch (result) {
            case FORMAT -> "统一社会信用代码应为18位数字或大写字母（不含I、O、S、V、Z）";
            case CHECKSUM -> "统一社会信用代码校验位不正确";
            case EMBEDDED_ORGANIZATION_CODE -> "统一社会信用代码第9至17位不是有效的组织机构代码";
            case VALID -> throw new IllegalArgumentException("A valid code has no violation message");
        };
    }
}
