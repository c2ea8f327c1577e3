package cn.cac.gzh.common.identifiers;

import java.lang.annotation.Annotation;

import jakarta.validation.ConstraintValidatorContext;

/** Shared plumbing for validators that explain why a value is invalid. */
final class ConstraintMessages {

    private ConstraintMessages() {
    }

    /**
     * Whether the constraint carries its declared default message. Only then do validators substitute a more
     * specific one, so that a message written at the use site always wins.
     */
    static boolean hasDefaultMessage(Annotation constraint) {
        try {
            var message = constraint.annotationType().getMethod("message");
            return message.getDefaultValue() != null && message.getDefaultValue().equals(message.invoke(constraint));
        } catch (ReflectiveOperationException notAConstraint) {
            throw new IllegalArgumentException("Not a constraint annotation: " + constraint, notAConstraint);
        }
    }

    /**
     * Reports the violation with {@code message} instead of the annotation's message. The message is a fixed
     * constant, never user input, because it is interpreted as a message template.
     */
    static void replace(ConstraintValidatorContext context, String message) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
    }
}
