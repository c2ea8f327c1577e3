package cn.cac.gzh.tour;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One bash process in which a reader's steps run one after another, as in the reader's terminal: variables and
 * functions of one step are there for the next. Each step is sourced from a file of its own with stdin from
 * /dev/null (so no command of a step can swallow the next), and its output (stdout and stderr) is collected up to a
 * marker line carrying its exit status.
 */
final class BashSession implements AutoCloseable {

    /** What a step printed and how its last command ended. */
    record Result(List<String> lines, int exitStatus) {

        String text() {
            return String.join("\n", lines);
        }
    }

    private static final String MARKER = "@@tour-step-finished ";

    private final Process process;
    private final Writer input;
    private final BlockingQueue<String> output = new LinkedBlockingQueue<>();
    private final Path folder;
    private int steps;

    BashSession(Path folder) {
        this.folder = folder;
        ProcessBuilder builder = new ProcessBuilder("bash", "--noprofile", "--norc").directory(folder.toFile())
                .redirectErrorStream(true);
        // mktemp -d of the tour lands in the test's folder, which JUnit removes
        builder.environment().put("TMPDIR", folder.toString());
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start bash", e);
        }
        input = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    output.add(line);
                }
            } catch (IOException e) {
                output.add("(output could not be read: " + e.getMessage() + ")");
            }
        }, "tour-bash-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Runs {@code script} in the session; fails if it does not finish within {@code limit}. */
    Result run(String script, Duration limit) {
        Path file = folder.resolve("step-" + (++steps) + ".sh");
        try {
            Files.writeString(file, script, StandardCharsets.UTF_8);
            input.write("source '" + file + "' < /dev/null; echo \"" + MARKER + "$?\"\n");
            input.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("bash stopped", e);
        }
        List<String> lines = new ArrayList<>();
        long deadline = System.nanoTime() + limit.toNanos();
        try {
            while (true) {
                String line = output.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (line == null) {
                    throw new AssertionError("the step did not finish within " + limit + "; its output so far:\n"
                            + String.join("\n", lines));
                }
                int marker = line.indexOf(MARKER);
                if (marker >= 0) {
                    if (marker > 0) {
                        lines.add(line.substring(0, marker));
                    }
                    return new Result(lines, Integer.parseInt(line.substring(marker + MARKER.length()).strip()));
                }
                lines.add(line);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
