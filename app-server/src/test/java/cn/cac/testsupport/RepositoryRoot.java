package cn.cac.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout's top folder, for tests that read or write files beside app-server/ (docs/, deploy/, README.md). */
public final class RepositoryRoot {

    private RepositoryRoot() {
    }

    /** The first folder upwards from the working directory (Maven runs tests in app-server/) holding README.md and app-server/. */
    public static Path path() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("app-server"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("no checkout (README.md beside app-server/) above " + Path.of("").toAbsolutePath());
    }

    /** A file or folder of the checkout, e.g. {@code docs/getting-started.md}. */
    public static Path resolve(String relative) {
        return path().resolve(relative);
    }
}
