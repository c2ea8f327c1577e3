package cn.cac.gzh.common.identifiers;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * The value identifies an organisation either by its unified social credit code or, for units that only have the
 * older identifier, by its organisation code; see {@link UnifiedSocialCreditCodes} and {@link OrganizationCodes}.
 * <p>
 * {@code null} and the empty string are valid: whether a value is required is a separate constraint.
 */
@Documented
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
@Constraint(validatedBy = UnitCodeValidator.class)
public @interface UnitCode {

    String message() default "应为有效的统一社会信用代码或组织机构代码";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
