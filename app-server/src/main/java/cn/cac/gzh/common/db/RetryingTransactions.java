package cn.cac.gzh.common.db;

import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * A short transaction that runs again on transient failures: the programmatic twin of
 * {@code @Transactional @RetryTransientFailures}, for code that first calls a remote service and then
 * writes.
 */
public final class RetryingTransactions {

    private final TransactionTemplate transaction;
    private final TransientFailureRetry retry;

    public RetryingTransactions(TransactionTemplate transaction, TransientFailureRetry retry) {
        this.transaction = transaction;
        this.retry = retry;
    }

    /** Runs {@code work} in a new transaction, retried as a whole when it fails transiently. */
    public <T> T execute(String name, Supplier<T> work) {
        return retry.run(name, () -> transaction.execute(status -> work.get()));
    }

    public void run(String name, Runnable work) {
        execute(name, () -> {
            work.run();
            return null;
        });
    }
}
