package cn.cac.devservices;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import redis.embedded.RedisServer;

/**
 * Redis 6.2 (embedded-redis) on 127.0.0.1, nothing kept on disk. Its working folder (where Redis
 * would write any file) is a {@link ShortTempFolder}, removed at stop.
 */
final class EmbeddedRedis implements DevService {

    static final String NAME = "Redis";
    static final String SETTING = "SPRING_DATA_REDIS_HOST";

    private final RedisServer server;
    private final int port;
    private final ShortTempFolder folder;

    private EmbeddedRedis(RedisServer server, int port, ShortTempFolder folder) {
        this.server = server;
        this.port = port;
        this.folder = folder;
    }

    static EmbeddedRedis start() {
        return start(FreePorts.next());
    }

    static EmbeddedRedis start(int port) {
        ShortTempFolder folder = null;
        RedisServer server = null;
        try {
            folder = ShortTempFolder.create(NAME, "gzh-redis-", "temp-4194304.rdb");
            server = RedisServer.newRedisServer()
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("dir " + folder.path())
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .onShutdownForceStop(true)
                    .build();
            server.start();
            return new EmbeddedRedis(server, port, folder);
        } catch (Exception e) {
            stopQuietly(server);
            if (folder != null) {
                folder.close();
            }
            throw StartupSelfCheck.diagnose(NAME, SETTING, port, folder == null ? null : folder.path(), e, List.of());
        }
    }

    private static void stopQuietly(RedisServer server) {
        if (server != null) {
            try {
                server.stop();
            } catch (IOException | RuntimeException ignored) {
                // it did not start
            }
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

    /** Redis's working folder (removed at {@link #close()}). */
    Path folder() {
        return folder.path();
    }

    int port() {
        return port;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (IOException e) {
            throw new IllegalStateException("Embedded Redis did not stop", e);
        } finally {
            folder.close();
        }
    }
}
