package cn.cac.devservices;

import java.io.IOException;
import java.net.BindException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import cn.cac.devservices.DevServiceStartException.Kind;

/**
 * The start-up self-check of the embedded twins: checks what can be checked before a start (free
 * disk space), and turns whatever a failed start left behind (exceptions, the program's last lines)
 * into one line that names the cause and the fix, instead of a time-out and a stack trace.
 */
final class StartupSelfCheck {

    private static final long MB = 1024 * 1024;

    private static final Pattern PATH_TOO_LONG = Pattern.compile(
            "socket file path is too long|file name too long|path too long|enametoolong");
    private static final Pattern PORT_TAKEN = Pattern.compile(
            "address already in use|bind on tcp/ip port|failed to bind|errno:? 98\\b|error: 98\\b");
    private static final Pattern NO_DISK_SPACE = Pattern.compile(
            "no space left on device|out of disk space|disk full|errno:? 28\\b|error 28\\b|errcode: 28\\b");
    private static final Pattern DATA_IN_USE = Pattern.compile(
            "unable to lock|can't lock aria control file|another (mariadbd|mysqld) (process|server)");
    private static final Pattern CANNOT_EXECUTE = Pattern.compile(
            "error while loading shared libraries|exec format error|cannot execute|is not executable|"
                    + "cannot run program|error=(8|13)\\b|could not be found|no such file or directory.*(bin/|redis-server)");
    private static final Pattern MISSING_LIBRARY = Pattern.compile("shared libraries: ([^:\\s]+)");
    private static final Pattern NOT_WRITABLE = Pattern.compile(
            "permission denied|read-only file system|can't create/write|errcode: 13\\b|errno:? 13\\b|accessdenied");

    private StartupSelfCheck() {
    }

    /** A line after which waiting longer is useless: another server holds the data folder (MariaDB would retry for 30 s). */
    static boolean saysDataInUse(String line) {
        return DATA_IN_USE.matcher(line.toLowerCase(Locale.ROOT)).find();
    }

    /**
     * Refuses to start when the disk holding {@code folder} has less than {@code neededBytes} free:
     * a database half-written to a full disk fails much later and much less clearly.
     */
    static void requireFreeSpace(String service, Path folder, long neededBytes) {
        Path existing = folder.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return;
        }
        try {
            requireFreeSpace(service, folder, neededBytes, Files.getFileStore(existing).getUsableSpace());
        } catch (IOException e) {
            // cannot tell: let the start itself find out
        }
    }

    static void requireFreeSpace(String service, Path folder, long neededBytes, long usableBytes) {
        if (usableBytes < neededBytes) {
            throw new DevServiceStartException(service, Kind.NO_DISK_SPACE,
                    "only " + usableBytes / MB + " MB free on the disk of " + folder.toAbsolutePath()
                            + ", about " + neededBytes / MB + " MB needed",
                    "free space on that disk (mvn clean removes old test data in target/) and start again");
        }
    }

    /**
     * @param service what failed, e.g. {@code MariaDB}
     * @param setting the environment variable that makes the application use an external service instead
     * @param port    the port it was to listen on, or 0
     * @param folder  where it keeps its files, or {@code null}
     * @param error   what the start threw, or {@code null}
     * @param output  the program's last lines, if it is a separate program
     */
    static DevServiceStartException diagnose(String service, String setting, int port, Path folder,
            Throwable error, List<String> output) {
        if (error instanceof DevServiceStartException known) {
            return known;
        }
        List<String> lines = new ArrayList<>(output);
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                lines.addAll(List.of(t.getMessage().split("\\R")));
            }
            if (t instanceof BindException) {
                lines.add("address already in use");
            }
            if (t instanceof AccessDeniedException denied && denied.getMessage() != null
                    && denied.getMessage().contains("executable")) {
                lines.add("is not executable: " + denied.getMessage());
            }
        }
        String where = folder == null ? "its folder" : folder.toAbsolutePath().toString();
        String ownServer = "or use your own server: set " + setting;
        String line;
        if ((line = find(lines, PATH_TOO_LONG)) != null) {
            return new DevServiceStartException(service, Kind.PATH_TOO_LONG, "a path it needs is too long (" + line + ")",
                    "point java.io.tmpdir at a short folder, e.g. export JAVA_TOOL_OPTIONS=-Djava.io.tmpdir=/tmp", error);
        }
        if (find(lines, PORT_TAKEN) != null) {
            String which = port > 0 ? "port " + port + " on 127.0.0.1" : "its port on 127.0.0.1";
            String probe = port > 0 ? ", or see which process holds it: ss -ltnp 'sport = :" + port + "'" : "";
            return new DevServiceStartException(service, Kind.PORT_TAKEN, which + " is taken by another process",
                    "start again (every start picks a free port)" + probe, error);
        }
        if (find(lines, NO_DISK_SPACE) != null) {
            return new DevServiceStartException(service, Kind.NO_DISK_SPACE, "no disk space left for " + where,
                    "free space on that disk (mvn clean removes old test data in target/) and start again", error);
        }
        if (find(lines, DATA_IN_USE) != null) {
            return new DevServiceStartException(service, Kind.DATA_IN_USE, "another " + service + " is using " + where,
                    "stop the other run command of this checkout (or a leftover process: pgrep -af mariadbd), "
                            + "or give this one a folder of its own: DEVSERVICES_DIRECTORY=.devservices/second", error);
        }
        if ((line = find(lines, CANNOT_EXECUTE)) != null) {
            var library = MISSING_LIBRARY.matcher(line);
            if (library.find()) {
                return new DevServiceStartException(service, Kind.CANNOT_EXECUTE,
                        "its bundled program needs the system library " + library.group(1) + ", which is not installed",
                        "install the package that provides " + library.group(1) + " (Debian/Ubuntu: apt-file search "
                                + library.group(1) + "), " + ownServer, error);
            }
            return new DevServiceStartException(service, Kind.CANNOT_EXECUTE,
                    "its bundled program cannot run on this machine (" + line + ")",
                    "run on Linux x86-64 from a folder that allows programs (not mounted noexec), " + ownServer, error);
        }
        if ((line = find(lines, NOT_WRITABLE)) != null) {
            return new DevServiceStartException(service, Kind.NOT_WRITABLE, "cannot write to " + where + " (" + line + ")",
                    "make that folder writable for user " + System.getProperty("user.name") + ", or delete it", error);
        }
        String first = lines.stream().filter(l -> l.toLowerCase(Locale.ROOT).contains("error")).findFirst()
                .orElse(lines.isEmpty() ? "no reason given" : lines.get(0));
        return new DevServiceStartException(service, Kind.UNKNOWN, shorten(first),
                "see the lines of " + service + " above, " + ownServer, error);
    }

    static DevServiceStartException timeout(String service, String setting, int port, long seconds, List<String> output) {
        DevServiceStartException known = diagnose(service, setting, port, null, null, output);
        if (known.kind() != Kind.UNKNOWN) {
            return known;
        }
        return new DevServiceStartException(service, Kind.TIMEOUT, "not ready after " + seconds + " s",
                "see the lines of " + service + " above (a very slow or overloaded machine?), "
                        + "or use your own server: set " + setting);
    }

    private static String find(List<String> lines, Pattern pattern) {
        for (String line : lines) {
            if (pattern.matcher(line.toLowerCase(Locale.ROOT)).find()) {
                return shorten(line);
            }
        }
        return null;
    }

    private static String shorten(String line) {
        String trimmed = line.strip().replaceAll("\\s+", " ");
        return trimmed.length() <= 160 ? trimmed : trimmed.substring(0, 157) + "...";
    }
}
