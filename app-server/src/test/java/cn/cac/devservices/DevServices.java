package cn.cac.devservices;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dev services one application context started. Closing it stops them in reverse order, once,
 * whether the context closed, failed to start, or the JVM is going down.
 */
public final class DevServices implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DevServices.class);

    private final List<DevService> services = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Path directory;
    private final boolean deleteDirectoryOnClose;
    private final Thread shutdownHook = new Thread(this::close, "dev-services-shutdown");
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
            service.close();
            services.remove(service);
            log.info("Dev service stopped on request: service=\"{}\"", name);
        });
    }

    public synchronized boolean isRunning(String name) {
        return services.stream().anyMatch(service -> service.name().equals(name));
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
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
