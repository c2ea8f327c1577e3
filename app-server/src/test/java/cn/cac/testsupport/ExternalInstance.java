package cn.cac.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import cn.cac.gzh.FilingPlatformApplication;

import org.springframework.core.env.Environment;

/**
 * One more instance of the application in a JVM of its own (the test class path), against the services of a
 * running test context ({@link ExternalSettings}), so a test can kill it with SIGKILL. Its output goes to
 * {@code target/<name>/<name>.log}.
 */
public final class ExternalInstance implements AutoCloseable {

    private final Process process;
    private final int port;
    private final File log;

    private ExternalInstance(Process process, int port, File log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the instance and waits (at most 120 s) until its health is UP; {@code overrides} as {@code --key=value}. */
    public static ExternalInstance start(Environment environment, String name, String... overrides) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> settings = new ArrayList<>(List.of(overrides));
        settings.add("--server.port=" + port);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                FilingPlatformApplication.class.getName()));
        command.addAll(List.of(ExternalSettings.asArguments(environment, settings.toArray(String[]::new))));
        command.remove("--server.port=0");
        File log = Files.createDirectories(Path.of("target", name)).resolve(name + ".log").toFile();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        ExternalInstance instance = new ExternalInstance(process, port, log);
        try {
            HttpClient http = HttpClient.newHttpClient();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
                assertThat(process.isAlive()).as("%s alive (see %s)", name, log).isTrue();
                try {
                    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                            HttpResponse.BodyHandlers.ofString()).body().contains("\"UP\"");
                } catch (IOException notYet) {
                    return false;
                }
            });
        } catch (RuntimeException | Error e) {
            instance.close();
            throw e;
        }
        return instance;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public File log() {
        return log;
    }

    /** SIGKILL, as a crash or the OOM killer would end it; returns once the process is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
