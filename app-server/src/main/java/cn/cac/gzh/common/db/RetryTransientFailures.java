package cn.cac.gzh.common.db;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code @Transactional} method whose whole transaction may run again after a deadlock, a
 * lock wait time-out or a moment without a free connection ({@link TransientFailureRetry}). Put it
 * only on work that calls nothing remote and has no effect outside the transaction.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RetryTransientFailures {
}
