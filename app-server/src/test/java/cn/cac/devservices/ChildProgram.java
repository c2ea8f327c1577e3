package cn.cac.devservices;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starting and stopping the programs of the embedded twins (mariadbd, redis-server). Each runs in
 * a session of its own ({@code setsid}, which replaces itself with the program, so the pid stays
 * the program's): Ctrl-C in the terminal then reaches the application alone, which stops the
 * programs after everything that uses them has closed, instead of all of them going down at once.
 */
final class ChildProgram {

    private static final List<Path> SETSID = List.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid"));

    private ChildProgram() {
    }

    /** A builder for {@code command} in its own session (when the system has setsid), output and errors merged. */
    static ProcessBuilder builder(List<String> command) {
        List<String> arguments = new ArrayList<>();
        SETSID.stream().filter(Files::isExecutable).findFirst().ifPresent(setsid -> arguments.add(setsid.toString()));
        arguments.addAll(command);
        return new ProcessBuilder(arguments).redirectErrorStream(true);
    }

    /** SIGTERM (a clean shutdown), then SIGKILL if it takes longer than {@code grace}. */
    static void stop(Process process, Duration grace) {
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * SIGKILL: a program that did not start holds nothing worth a clean shutdown, and one still
     * starting may ignore SIGTERM (mariadbd waits 30 s for a lock another server holds).
     */
    static void kill(Process process) {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Undoes a start that failed half-way: the program (if it was started) and its short folder go. */
    static void abandon(Process process, ShortTempFolder folder, Exception failure) {
        if (process != null) {
            kill(process);
        }
        if (folder != null) {
            folder.close();
        }
        if (failure instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
    }
}
