package cn.cac.devservices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A fresh private folder (mode 700) with a short, plain path, for whatever an embedded twin keeps
 * that has a length limit or that its scripts cannot quote: Unix sockets (at most 107 bytes),
 * MariaDB's temporary files, Redis's working files, and links to folders of the checkout, whose
 * path may be long and contain spaces or Chinese characters. Closing it removes the folder and
 * everything in it; links are removed, never followed.
 */
final class ShortTempFolder implements AutoCloseable {

    /** The longest path of a Unix socket Linux accepts ({@code sun_path} is 108 bytes with the terminating NUL). */
    static final int SOCKET_PATH_LIMIT = 107;
    /** {@link Files#createTempDirectory} appends at most this many characters (an unsigned long) to the prefix. */
    private static final int RANDOM_SUFFIX = 20;
    /** What MariaDB's install script and the twins' command lines take without quoting. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._/+-]+");

    private final Path path;

    private ShortTempFolder(Path path) {
        this.path = path;
    }

    /**
     * @param prefix  start of the folder's name, e.g. {@code gzh-mariadb-}
     * @param longest the longest entry that will be put in it (a socket's file name), which must still fit the limit
     */
    static ShortTempFolder create(String service, String prefix, String longest) {
        return create(service, prefix, longest, candidates());
    }

    static ShortTempFolder create(String service, String prefix, String longest, List<Path> candidates) {
        List<String> refused = new ArrayList<>();
        for (Path candidate : candidates) {
            Path parent = candidate.toAbsolutePath().normalize();
            String worst = parent + "/" + prefix + "9".repeat(RANDOM_SUFFIX) + "/" + longest;
            if (!PLAIN.matcher(parent.toString()).matches() || bytes(worst) > SOCKET_PATH_LIMIT
                    || !Files.isDirectory(parent) || !Files.isWritable(parent)) {
                refused.add(parent.toString());
                continue;
            }
            try {
                return new ShortTempFolder(Files.createTempDirectory(parent, prefix));
            } catch (IOException e) {
                refused.add(parent + " (" + e.getMessage() + ")");
            }
        }
        throw new DevServiceStartException(service, DevServiceStartException.Kind.PATH_TOO_LONG,
                "no temporary folder gives a socket path of at most " + SOCKET_PATH_LIMIT
                        + " bytes without spaces (tried " + String.join(", ", refused) + ")",
                "point java.io.tmpdir at a short writable folder, e.g. export JAVA_TOOL_OPTIONS=-Djava.io.tmpdir=/tmp");
    }

    /** java.io.tmpdir first, then the usual short system folders. */
    static List<Path> candidates() {
        Set<Path> candidates = new LinkedHashSet<>();
        candidates.add(Path.of(System.getProperty("java.io.tmpdir")));
        candidates.add(Path.of("/tmp"));
        candidates.add(Path.of("/dev/shm"));
        return List.copyOf(candidates);
    }

    static int bytes(String path) {
        return path.getBytes(StandardCharsets.UTF_8).length;
    }

    Path path() {
        return path;
    }

    Path resolve(String name) {
        return path.resolve(name);
    }

    /** A folder inside this one. */
    Path folder(String name) {
        try {
            return Files.createDirectories(path.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A short name inside this folder for {@code target}, which may be anywhere and named anyhow. */
    Path link(String name, Path target) {
        try {
            return Files.createSymbolicLink(path.resolve(name), target.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes the folder and what is in it; links are removed, what they point at is left alone. */
    @Override
    public void close() {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path entry : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(entry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not remove " + path, e);
        }
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
