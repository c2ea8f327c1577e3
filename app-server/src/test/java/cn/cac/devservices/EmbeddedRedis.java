package cn.cac.devservices;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import redis.embedded.core.ExecutableProvider;

/**
 * Redis 6.2 (the binary embedded-redis bundles) on 127.0.0.1, nothing kept on disk. The binary and
 * Redis's working folder ({@code dir}, where it would write any file) are in a
 * {@link ShortTempFolder}, removed at stop. Started here rather than by embedded-redis, whose own
 * shutdown hook kills it while the application may still be closing its connections.
 */
final class EmbeddedRedis implements DevService {

    static final String NAME = "Redis";
    static final String SETTING = "SPRING_DATA_REDIS_HOST";
    private static final String READY = "Ready to accept connections";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final int port;
    private final ShortTempFolder folder;

    private EmbeddedRedis(Process process, int port, ShortTempFolder folder) {
        this.process = process;
        this.port = port;
        this.folder = folder;
    }

    static EmbeddedRedis start() {
        return start(FreePorts.next());
    }

    static EmbeddedRedis start(int port) {
        ShortTempFolder folder = null;
        Process process = null;
        ProcessOutput output = null;
        try {
            folder = ShortTempFolder.create(NAME, "gzh-redis-", "temp-4194304.rdb");
            File binary = ExecutableProvider.newJarResourceProvider(folder.path().toFile()).get();
            process = ChildProgram.builder(List.of(binary.getPath(),
                            "--port", String.valueOf(port),
                            "--bind", "127.0.0.1",
                            "--dir", folder.path().toString(),
                            "--save", "",
                            "--appendonly", "no",
                            "--daemonize", "no"))
                    .directory(folder.path().toFile())
                    .start();
            output = ProcessOutput.follow(process, "redis-server");
            if (output.await(line -> line.contains(READY), START_TIMEOUT) == null) {
                if (!process.waitFor(2, TimeUnit.SECONDS)) {
                    throw StartupSelfCheck.timeout(NAME, SETTING, port, START_TIMEOUT.toSeconds(), output.lastLines());
                }
                output.drain(Duration.ofSeconds(2));
                throw StartupSelfCheck.diagnose(NAME, SETTING, port, folder.path(), null, output.lastLines());
            }
            return new EmbeddedRedis(process, port, folder);
        } catch (Exception e) {
            ChildProgram.abandon(process, folder, e);
            throw StartupSelfCheck.diagnose(NAME, SETTING, port, folder == null ? null : folder.path(), e,
                    output == null ? List.of() : output.lastLines());
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, String> properties() {
        return Map.of("spring.data.redis.host", "127.0.0.1", "spring.data.redis.port", String.valueOf(port));
    }

    @Override
    public String location() {
        return "redis://127.0.0.1:" + port;
    }

    /** Redis's binary and working folder (removed at {@link #close()}). */
    Path folder() {
        return folder.path();
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    @Override
    public java.util.Optional<DevService> startAgain() {
        return java.util.Optional.of(start(port));
    }

    @Override
    public void close() {
        try {
            // nothing to save ("save" is off): Redis exits at once on SIGTERM
            ChildProgram.stop(process, Duration.ofSeconds(10));
        } finally {
            folder.close();
        }
    }
}
