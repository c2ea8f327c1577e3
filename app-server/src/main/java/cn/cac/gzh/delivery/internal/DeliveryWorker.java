package cn.cac.gzh.delivery.internal;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import cn.cac.gzh.delivery.internal.DeliveryStore.Claimed;
import cn.cac.gzh.delivery.internal.DeliveryStore.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends what is due, on every instance: one dispatcher thread keeps a buffer of claimed rows filled (one
 * claim — a round trip to the database — serves up to {@code claimBatch} sends, fewer when sends are slow
 * so that no row waits long in the buffer), {@code concurrency} senders take rows from it and wait on
 * WeChat, and a recorder thread writes their outcomes in batches (whatever arrived while the previous
 * batch was written), so claiming and recording never wait for each other. A crash loses nothing:
 * claimed rows come back to some worker when their lease runs out. A row is sent only while at least
 * half of its lease is left; otherwise, and at shutdown, rows not yet started are given back at once.
 */
@Component
class DeliveryWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    /** Outcomes written per transaction at most. */
    private static final int RECORD_BATCH = 1000;

    private final DeliveryStore store;
    private final DeliverySender sender;
    private final ChannelPauses pauses;
    private final DeliveryProperties properties;
    private final Clock clock;
    private final DeliveryMetrics metrics;
    private final String owner;
    private final BlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
    /** Claimed rows no sender has started yet. */
    private final BlockingQueue<Claimed> ready = new LinkedBlockingQueue<>();
    /** Rows senders took from {@link #ready} (the pace that sizes claims). */
    private final LongAdder taken = new LongAdder();
    /** Rows to give back without an attempt (lease nearly over, channel paused, shutting down). */
    private final Queue<Claimed> giveBack = new ConcurrentLinkedQueue<>();
    private volatile boolean running;
    private volatile boolean recording;
    private Thread dispatcher;
    private Thread recorder;
    private ExecutorService senders;

    DeliveryWorker(DeliveryStore store, DeliverySender sender, ChannelPauses pauses, DeliveryProperties properties,
            Clock clock, DeliveryMetrics metrics) {
        this.metrics = metrics;
        this.store = store;
        this.sender = sender;
        this.pauses = pauses;
        this.properties = properties;
        this.clock = clock;
        this.owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    public void start() {
        if (!properties.workerEnabled()) {
            log.info("Delivery worker disabled on this instance");
            return;
        }
        AtomicInteger number = new AtomicInteger();
        senders = Executors.newFixedThreadPool(properties.concurrency(), runnable -> {
            Thread thread = new Thread(runnable, "delivery-send-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        running = true;
        for (int i = 0; i < properties.concurrency(); i++) {
            senders.execute(this::sendWhileRunning);
        }
        recording = true;
        recorder = new Thread(this::record, "delivery-record");
        recorder.setDaemon(true);
        recorder.start();
        dispatcher = new Thread(this::dispatch, "delivery-dispatch");
        dispatcher.setDaemon(true);
        dispatcher.start();
        log.info("Delivery worker started: owner={} concurrency={} claimBatch={}", owner, properties.concurrency(),
                properties.claimBatch());
    }

    private void dispatch() {
        long since = System.nanoTime();
        double perSecond = -1;
        while (running) {
            try {
                long now = System.nanoTime();
                if (now - since >= 1_000_000_000L) {
                    long rows = taken.sumThenReset();
                    perSecond = rows == 0 ? -1 : rows * 1e9 / (now - since);
                    since = now;
                }
                int batch = batchSize(perSecond);
                if (ready.size() >= batch) {
                    // senders are busy with what they have: look again shortly
                    Thread.sleep(2);
                    continue;
                }
                // between one and two batches waiting: a claim's round trip does not leave the senders idle
                List<Claimed> claimed = claim(batch);
                ready.addAll(claimed);
                if (claimed.size() < batch) {
                    // nothing more is due: wait a little
                    Thread.sleep(claimed.isEmpty() ? properties.idlePoll().toMillis() : Math.min(20, properties.idlePoll().toMillis()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // the database or Redis is away for a moment: nothing is lost, leases bring rows back
                log.warn("Delivery round failed, trying again: reason={}", e.getMessage());
                sleepQuietly(1000);
            }
        }
    }

    /**
     * Rows per claim: {@code claimBatch}, or fewer when senders take rows so slowly (a rate limit, a slow
     * WeChat) that two batches would wait longer than a quarter of the lease. Unknown rate: a full batch.
     */
    private int batchSize(double perSecond) {
        if (perSecond < 0) {
            return properties.claimBatch();
        }
        long eighthOfLease = (long) (perSecond * properties.lease().toMillis() / 8000);
        return (int) Math.max(1, Math.min(properties.claimBatch(), eighthOfLease));
    }

    /** Writes outcomes as they come: whatever arrived while the previous batch was being written goes next. */
    private void record() {
        while (recording) {
            try {
                Outcome first = outcomes.poll(50, TimeUnit.MILLISECONDS);
                if (first != null) {
                    List<Outcome> batch = new ArrayList<>();
                    batch.add(first);
                    outcomes.drainTo(batch, RECORD_BATCH - 1);
                    write(batch);
                }
                giveBack();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Delivery outcomes not written, trying again: reason={}", e.getMessage());
                sleepQuietly(1000);
            }
        }
    }

    private List<Claimed> claim(int limit) {
        LocalDateTime now = LocalDateTime.now(clock);
        // whole milliseconds, as the column keeps it: the lease's end identifies the claim
        return store.claim(owner, limit, pauses.paused(), now, now.plus(properties.lease()).truncatedTo(ChronoUnit.MILLIS));
    }

    private void sendWhileRunning() {
        while (running) {
            Claimed row;
            try {
                row = ready.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (row != null) {
                taken.increment();
                send(row);
            }
        }
    }

    private void send(Claimed row) {
        try {
            Outcome outcome = sender.attempt(owner, row, () -> running && leaseLeft(row) && !pauses.isPaused(row.channel()));
            if (outcome == null) {
                giveBack.add(row);
            } else {
                metrics.attempted(row.channel(), outcome.status());
                outcomes.add(outcome);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // a bug or the database gone: the lease brings the row back later
            log.warn("Delivery attempt failed: deliveryId={} reason={}", row.id(), e.toString());
        }
    }

    /** At least half of the lease is left: time enough for the slowest send and its outcome. */
    private boolean leaseLeft(Claimed row) {
        return LocalDateTime.now(clock).plus(properties.lease().dividedBy(2)).isBefore(row.leaseUntil());
    }

    private void write(List<Outcome> batch) {
        try {
            store.record(owner, batch);
        } catch (RuntimeException e) {
            outcomes.addAll(batch);
            throw e;
        }
    }

    /** Everything still waiting, at stop. */
    private void flush() {
        List<Outcome> batch = new ArrayList<>();
        while (outcomes.drainTo(batch, RECORD_BATCH) > 0) {
            write(batch);
            batch = new ArrayList<>();
        }
    }

    private void giveBack() {
        List<Claimed> rows = new ArrayList<>();
        for (Claimed row; (row = giveBack.poll()) != null; ) {
            rows.add(row);
        }
        if (!rows.isEmpty()) {
            try {
                store.release(owner, rows, LocalDateTime.now(clock));
            } catch (RuntimeException e) {
                giveBack.addAll(rows);
                throw e;
            }
        }
    }

    @Override
    public void stop() {
        if (!running) {
            return;
        }
        running = false;
        dispatcher.interrupt();
        senders.shutdown();
        try {
            dispatcher.join(5000);
            senders.awaitTermination(15, TimeUnit.SECONDS);
            recording = false;
            recorder.join(5000);
            ready.drainTo(giveBack);
            flush();
            giveBack();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Outcomes not written at stop; the leases bring those rows back: reason={}", e.getMessage());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the data source and Redis go away. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
