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
 * The value is a valid organisation code, with or without the hyphen before the check character;
 * see {@link OrganizationCodes}.
 * <p>
 * {@code null} and the empty string are valid: whether a value is required is a separate constraint.
 */
@Documented
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
@Constraint(validatedBy = OrganizationCodeValidator.class)
public @interface OrganizationCode {

    String message() default "组织机构代码无效";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
