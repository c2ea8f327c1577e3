package cn.cac.gzh.delivery.internal;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import cn.cac.gzh.delivery.internal.DeliveryStore.Claimed;
import cn.cac.gzh.delivery.internal.DeliveryStore.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends what is due, on every instance: one dispatcher thread claims rows while there is room for
 * more sends in flight, a pool of senders waits on WeChat, and outcomes go back to the database in
 * batches. A crash loses nothing: claimed rows come back to some worker when their lease runs out.
 */
@Component
class DeliveryWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final DeliveryStore store;
    private final DeliverySender sender;
    private final ChannelPauses pauses;
    private final DeliveryProperties properties;
    private final Clock clock;
    private final String owner;
    private final Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final Semaphore room;
    private volatile boolean running;
    private Thread dispatcher;
    private ExecutorService senders;

    DeliveryWorker(DeliveryStore store, DeliverySender sender, ChannelPauses pauses, DeliveryProperties properties,
            Clock clock) {
        this.store = store;
        this.sender = sender;
        this.pauses = pauses;
        this.properties = properties;
        this.clock = clock;
        this.owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
        this.room = new Semaphore(properties.concurrency());
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
        dispatcher = new Thread(this::dispatch, "delivery-dispatch");
        dispatcher.setDaemon(true);
        dispatcher.start();
        log.info("Delivery worker started: owner={} concurrency={}", owner, properties.concurrency());
    }

    private void dispatch() {
        while (running) {
            try {
                flush();
                int free = room.availablePermits();
                List<Claimed> claimed = free == 0 ? List.of() : claim(Math.min(free, properties.claimBatch()));
                for (Claimed row : claimed) {
                    room.acquire();
                    senders.execute(() -> send(row));
                }
                if (claimed.isEmpty()) {
                    // nothing due, or no room: wait a little (outcomes are flushed on the next round)
                    Thread.sleep(free == 0 ? 5 : properties.idlePoll().toMillis());
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

    private List<Claimed> claim(int limit) {
        LocalDateTime now = LocalDateTime.now(clock);
        return store.claim(owner, limit, pauses.paused(), now, now.plus(properties.lease()));
    }

    private void send(Claimed row) {
        try {
            outcomes.add(sender.attempt(owner, row));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // a bug or the database gone: the lease brings the row back later
            log.warn("Delivery attempt failed: deliveryId={} reason={}", row.id(), e.toString());
        } finally {
            room.release();
        }
    }

    private void flush() {
        List<Outcome> batch = new ArrayList<>();
        for (Outcome outcome; batch.size() < 1000 && (outcome = outcomes.poll()) != null; ) {
            batch.add(outcome);
        }
        if (!batch.isEmpty()) {
            try {
                store.record(owner, batch);
            } catch (RuntimeException e) {
                outcomes.addAll(batch);
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
            senders.awaitTermination(10, TimeUnit.SECONDS);
            flush();
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
