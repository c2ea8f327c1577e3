package cn.cac.gzh.common.db;

import java.time.Duration;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a unit of database work again when it failed for a {@linkplain TransientDatabaseFailures
 * transient} reason. Only whole transactions are retried: inside a running transaction the work runs
 * once, and the outermost boundary decides. A transaction that rolled back changed nothing, and no
 * remote call happens inside one, so running it again is safe.
 */
public final class TransientFailureRetry {

    private static final Logger log = LoggerFactory.getLogger(TransientFailureRetry.class);

    private final RetryTemplate template;

    public TransientFailureRetry(Settings settings) {
        RetryPolicy policy = RetryPolicy.builder()
                .predicate(TransientDatabaseFailures::isTransient)
                .maxRetries(settings.maxRetries())
                .delay(settings.delay())
                .multiplier(2)
                .jitter(settings.delay().dividedBy(2))
                .maxDelay(settings.delay().multipliedBy(8))
                .build();
        this.template = new RetryTemplate(policy);
        this.template.setRetryListener(new RetryListener() {
            @Override
            public void beforeRetry(RetryPolicy retryPolicy, Retryable<?> retryable) {
                log.info("Database work failed transiently, trying again: work={}", retryable.getName());
            }
        });
    }

    /**
     * Database retry settings ({@code DATABASE_RETRY_MAX_RETRIES}, {@code DATABASE_RETRY_DELAY}).
     *
     * @param maxRetries attempts after the first one
     * @param delay      pause before the first retry; doubled (with jitter) before each further one
     */
    @ConfigurationProperties("database.retry")
    public record Settings(@DefaultValue("2") int maxRetries, @DefaultValue("50ms") Duration delay) {
    }

    /** {@code work}, retried on transient failures unless a transaction is already running. */
    public <T> T run(String name, Supplier<T> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return work.get();
        }
        try {
            return template.execute(new NamedWork<>(name, work));
        } catch (RetryException exhausted) {
            // the last failure itself, so callers and the error handler see what really happened
            Throwable last = exhausted.getCause();
            if (last instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (last instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(last);
        }
    }

    private record NamedWork<T>(String name, Supplier<T> work) implements Retryable<T> {
        @Override
        public T execute() {
            return work.get();
        }

        @Override
        public String getName() {
            return name;
        }
    }
}
