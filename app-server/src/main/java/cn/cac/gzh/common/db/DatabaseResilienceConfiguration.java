package cn.cac.gzh.common.db;

import java.lang.reflect.Method;

import org.aopalliance.intercept.MethodInterceptor;

import org.springframework.aop.Pointcut;
import org.springframework.aop.support.AbstractPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retries of transient database failures: the policy, the programmatic form and the advisor for
 * {@link RetryTransientFailures}, which wraps <em>outside</em> the transaction interceptor so that each
 * attempt gets a fresh transaction.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TransientFailureRetry.Settings.class)
public class DatabaseResilienceConfiguration {

    /** Before the transaction advisor (Boot's is {@link Ordered#LOWEST_PRECEDENCE}): the retry encloses it. */
    static final int RETRY_ADVISOR_ORDER = Ordered.LOWEST_PRECEDENCE - 100;

    @Bean
    TransientFailureRetry transientFailureRetry(TransientFailureRetry.Settings settings) {
        return new TransientFailureRetry(settings);
    }

    @Bean
    RetryingTransactions retryingTransactions(TransactionTemplate transactionTemplate, TransientFailureRetry retry) {
        return new RetryingTransactions(transactionTemplate, retry);
    }

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static RetryAdvisor transientFailureRetryAdvisor(org.springframework.beans.factory.ObjectProvider<TransientFailureRetry> retry) {
        return new RetryAdvisor(retry);
    }

    /** Matches methods annotated with {@link RetryTransientFailures}; the retry itself is looked up lazily. */
    static final class RetryAdvisor extends AbstractPointcutAdvisor {

        private final transient org.springframework.beans.factory.ObjectProvider<TransientFailureRetry> retry;

        RetryAdvisor(org.springframework.beans.factory.ObjectProvider<TransientFailureRetry> retry) {
            this.retry = retry;
            setOrder(RETRY_ADVISOR_ORDER);
        }

        @Override
        public Pointcut getPointcut() {
            return AnnotationMatchingPointcut.forMethodAnnotation(RetryTransientFailures.class);
        }

        @Override
        public MethodInterceptor getAdvice() {
            return invocation -> {
                Method method = invocation.getMethod();
                String name = method.getDeclaringClass().getSimpleName() + "." + method.getName();
                return retry.getObject().run(name, () -> {
                    try {
                        // each attempt goes through the rest of the chain (the transaction interceptor) anew
                        return ((org.springframework.aop.ProxyMethodInvocation) invocation).invocableClone().proceed();
                    } catch (RuntimeException | Error e) {
                        throw e;
                    } catch (Throwable e) {
                        throw new java.lang.reflect.UndeclaredThrowableException(e);
                    }
                });
            };
        }
    }
}
