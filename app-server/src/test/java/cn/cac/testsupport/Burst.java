package cn.cac.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Many users acting at the same instant, as on a campaign's first morning: every task waits at one
 * gate and all are released together, each on its own thread.
 */
public final class Burst {

    private Burst() {
    }

    /** What one participant ended with: its value, or what it threw. */
    public record Outcome<T>(T value, Throwable error) {

        public boolean succeeded() {
            return error == null;
        }
    }

    /** Runs {@code task(0..n-1)} all at once and waits (at most two minutes) for every one. */
    public static <T> List<Outcome<T>> of(int n, IntFunction<T> task) {
        CountDownLatch gate = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(n);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(threads.submit(() -> {
                    gate.await();
                    return task.apply(index);
                }));
            }
            gate.countDown();
            List<Outcome<T>> outcomes = new ArrayList<>();
            for (Future<T> future : futures) {
                try {
                    outcomes.add(new Outcome<>(future.get(2, TimeUnit.MINUTES), null));
                } catch (java.util.concurrent.ExecutionException e) {
                    outcomes.add(new Outcome<>(null, e.getCause()));
                } catch (Exception e) {
                    outcomes.add(new Outcome<>(null, e));
                }
            }
            return outcomes;
        } finally {
            threads.shutdownNow();
        }
    }

    /** The values of a burst in which every participant must have succeeded (the first failure is rethrown). */
    public static <T> List<T> values(List<Outcome<T>> outcomes) {
        List<T> values = new ArrayList<>();
        for (Outcome<T> outcome : outcomes) {
            if (!outcome.succeeded()) {
                throw new AssertionError("a participant failed: " + outcome.error(), outcome.error());
            }
            values.add(outcome.value());
        }
        return values;
    }
}
