package cn.cac.devservices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import redis.embedded.RedisServer;

/** Redis 6.2 (embedded-redis) on 127.0.0.1, nothing kept on disk. */
final class EmbeddedRedis implements DevService {

    private final RedisServer server;
    private final int port;

    private EmbeddedRedis(RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    static EmbeddedRedis start() {
        int port = FreePorts.next();
        try {
            RedisServer server = RedisServer.newRedisServer()
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .onShutdownForceStop(true)
                    .build();
            server.start();
            return new EmbeddedRedis(server, port);
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded Redis did not start", e);
        }
    }

    @Override
    public String name() {
        return "Redis";
    }

    @Override
    public Map<String, String> properties() {
        return Map.of("spring.data.redis.host", "127.0.0.1", "spring.data.redis.port", String.valueOf(port));
    }

    @Override
    public String location() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded Redis did not stop", e);
        }
    }
}
