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
 * The value is a mainland China mobile number, optionally with the +86 or 86 prefix; see {@link MobileNumbers}.
 * <p>
 * {@code null} and the empty string are valid: whether a value is required is a separate constraint.
 */
@Documented
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
@Constraint(validatedBy = MobileNumberValidator.class)
public @interface MobileNumber {

    String message() default "手机号码无效";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
