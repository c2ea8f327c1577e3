package cn.cac.devservices;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dev services one application context started. Closing it stops them in reverse order, once,
 * whether the context closed (after all its beans), failed to start, or the JVM is going down.
 */
public final class DevServices implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DevServices.class);

    private final List<DevService> services = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    /** Services stopped on request, with their place in {@link #services}, for {@link #start(String)}. */
    private final Map<String, Map.Entry<Integer, DevService>> stopped = new LinkedHashMap<>();
    private final Path directory;
    private final boolean deleteDirectoryOnClose;
    private final Thread shutdownHook = new Thread(this::closeAtExit, "dev-services-shutdown");
    private volatile boolean closedWithContext;
    private boolean closed;

    DevServices(Path directory, boolean deleteDirectoryOnClose) {
        this.directory = directory;
        this.deleteDirectoryOnClose = deleteDirectoryOnClose;
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    synchronized void add(DevService service) {
        services.add(service);
        log.info("Dev service started: service=\"{}\" location={}", service.name(), service.location());
    }

    synchronized Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        services.forEach(service -> properties.putAll(service.properties()));
        return properties;
    }

    /** A line for the banner about how a service is set up (e.g. whose WeChat settings are used). */
    synchronized void note(String line) {
        notes.add(line);
        log.info("Dev services: {}", line);
    }

    /** One line per started service, then the notes: what the banner lists. */
    public synchronized List<String> describe() {
        List<String> lines = new ArrayList<>();
        services.forEach(service -> lines.add(service.name() + ": " + service.location()));
        lines.addAll(notes);
        return lines;
    }

    /** Stops one service now (tests of what happens when it goes down). */
    public synchronized void stop(String name) {
        services.stream().filter(service -> service.name().equals(name)).findFirst().ifPresent(service -> {
            int place = services.indexOf(service);
            service.close();
            services.remove(service);
            stopped.put(name, Map.entry(place, service));
            log.info("Dev service stopped on request: service=\"{}\"", name);
        });
    }

    /**
     * Starts a service {@link #stop(String) stopped} before again, on the same port and with the same data,
     * where the application still expects it (fault tests: "the database restarted", "Redis is back").
     */
    public synchronized void start(String name) {
        if (closed) {
            throw new IllegalStateException("Dev services are closed");
        }
        Map.Entry<Integer, DevService> entry = stopped.remove(name);
        if (entry == null) {
            throw new IllegalStateException("Dev service \"" + name + "\" was not stopped on request");
        }
        DevService again = entry.getValue().startAgain()
                .orElseThrow(() -> new IllegalStateException("Dev service \"" + name + "\" has no restart: fault tests only stop it"));
        services.add(Math.min(entry.getKey(), services.size()), again);
        log.info("Dev service started again on request: service=\"{}\" location={}", name, again.location());
    }

    public synchronized boolean isRunning(String name) {
        return services.stream().anyMatch(service -> service.name().equals(name));
    }

    /** The application context closes these services when it has closed everything else (see the initializer). */
    void closedWithContext() {
        closedWithContext = true;
    }

    /**
     * At JVM exit (Ctrl-C) the application's own shutdown hook closes its context, which closes these
     * services last; this hook runs at the same time, so it waits for that rather than pulling the
     * database from under the closing application. It closes them itself if that takes too long.
     */
    private void closeAtExit() {
        if (closedWithContext) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            synchronized (this) {
                while (!closed && System.nanoTime() < deadline) {
                    try {
                        TimeUnit.NANOSECONDS.timedWait(this, deadline - System.nanoTime());
                    } catch (InterruptedException e) {
                        break;
                    }
                }
            }
        }
        close();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        notifyAll();
        for (int i = services.size() - 1; i >= 0; i--) {
            DevService service = services.get(i);
            try {
                service.close();
                log.info("Dev service stopped: service=\"{}\"", service.name());
            } catch (RuntimeException e) {
                log.warn("Dev service did not stop cleanly: service=\"{}\"", service.name(), e);
            }
        }
        if (deleteDirectoryOnClose) {
            deleteRecursively(directory);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // called from the hook itself
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not delete dev-service directory {}", directory, e);
        }
    }
}
