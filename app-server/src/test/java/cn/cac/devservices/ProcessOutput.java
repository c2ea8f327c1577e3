package cn.cac.devservices;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a child program's output (stdout and stderr merged) on a daemon thread for as long as it
 * runs, so it never blocks on a full pipe; logs each line at debug level and keeps the last ones
 * for the self-check.
 */
final class ProcessOutput {

    private static final int KEPT = 60;

    private final Process process;
    private final Logger log;
    private final Deque<String> last = new ArrayDeque<>();
    private long total;
    private boolean ended;

    private ProcessOutput(Process process, String name) {
        this.process = process;
        this.log = LoggerFactory.getLogger("cn.cac.devservices." + name);
    }

    static ProcessOutput follow(Process process, String name) {
        ProcessOutput output = new ProcessOutput(process, name);
        Thread reader = new Thread(output::read, "dev-services-" + name + "-output");
        reader.setDaemon(true);
        reader.start();
        return output;
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                log.debug("{}", line);
                synchronized (this) {
                    if (last.size() == KEPT) {
                        last.removeFirst();
                    }
                    last.addLast(line);
                    total++;
                    notifyAll();
                }
            }
        } catch (IOException e) {
            log.debug("output closed: {}", e.getMessage());
        } finally {
            synchronized (this) {
                ended = true;
                notifyAll();
            }
        }
    }

    /**
     * Waits until a line matches {@code wanted}, the output ends (the program exited) or the time is up.
     *
     * @return the matching line, or {@code null}
     */
    synchronized String await(Predicate<String> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long next = 0;
        while (true) {
            long first = total - last.size();
            long index = first;
            for (String line : last) {
                if (index++ >= next && wanted.test(line)) {
                    return line;
                }
            }
            next = total;
            long left = deadline - System.nanoTime();
            if (ended || left <= 0) {
                return null;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** The last lines, oldest first. */
    synchronized List<String> lastLines() {
        return List.copyOf(last);
    }

    /** Waits for the output to end after the program exited, so that its last lines are all there. */
    void drain(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (!ended && System.nanoTime() < deadline) {
                TimeUnit.NANOSECONDS.timedWait(this, deadline - System.nanoTime());
            }
        }
    }
}
