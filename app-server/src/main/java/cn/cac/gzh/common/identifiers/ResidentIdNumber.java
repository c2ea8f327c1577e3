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
 * The value is an 18-character resident ID number with a valid province, a birth date that is not in the future
 * (in the Asia/Shanghai calendar, using the validator's {@link jakarta.validation.ClockProvider}) and a valid check
 * character; see {@link ResidentIdNumbers}. With the default message, the violation names the specific problem.
 * <p>
 * {@code null} and the empty string are valid: whether a value is required is a separate constraint.
 */
@Documented
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
@Constraint(validatedBy = ResidentIdNumberValidator.class)
public @interface ResidentIdNumber {

    String message() default "身份证号码无效";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
