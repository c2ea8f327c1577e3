package cn.cac.devservices;

import java.io.IOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import cn.cac.devservices.DevServiceStartException.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The self-check turns what a failed start leaves behind (the program's own lines, exceptions) into
 * one line with the cause and the fix. The lines below are what MariaDB 11.4, embedded-redis,
 * Jetty (s3proxy) and the JDK really print.
 */
class StartupSelfCheckTest {

    private static final Path DATA = Path.of("/home/dev/IdeaProjects/我的项目/gzh filing/app-server/.devservices/mariadb/data");

    @Test
    void socketPathTooLong() {
        var failure = mariaDb("[ERROR] The socket file path is too long (> 107): /home/dev/x/mysqld.sock");

        assertThat(failure.kind()).isEqualTo(Kind.PATH_TOO_LONG);
        assertThat(failure.line()).startsWith("MariaDB cannot start: a path it needs is too long")
                .contains("Fix: point java.io.tmpdir at a short folder");
    }

    @Test
    void noShortTemporaryFolderAnywhere(@TempDir Path temp) throws IOException {
        Path deep = Files.createDirectories(temp.resolve("a-folder-name-that-is-long-enough-to-break-the-limit-".repeat(2)));

        assertThatThrownBy(() -> ShortTempFolder.create("MariaDB", "gzh-mariadb-", "mysqld.sock", List.of(deep)))
                .isInstanceOfSatisfying(DevServiceStartException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.PATH_TOO_LONG);
                    assertThat(e.line()).contains("at most 107 bytes").contains(deep.toString())
                            .contains("Fix: point java.io.tmpdir at a short writable folder");
                });
    }

    @Test
    void aShortFolderIsTakenOverALongOneOrOneWithSpaces(@TempDir Path temp) throws IOException {
        Path spaces = Files.createDirectories(temp.resolve("gzh filing"));
        Path deep = Files.createDirectories(temp.resolve("x".repeat(100)));

        try (ShortTempFolder folder = ShortTempFolder.create("MariaDB", "gzh-mariadb-", "mysqld.sock",
                List.of(spaces, deep, Path.of("/tmp")))) {
            assertThat(folder.path()).hasParent(Path.of("/tmp"));
            assertThat(folder.path().getFileName().toString()).startsWith("gzh-mariadb-");
        }
    }

    @Test
    void closingTheFolderRemovesLinksButNotWhatTheyPointAt(@TempDir Path temp) throws IOException {
        Path data = Files.createDirectories(temp.resolve("我的项目/gzh filing/data"));
        Files.writeString(data.resolve("ibdata1"), "keep me");
        ShortTempFolder folder = ShortTempFolder.create("MariaDB", "gzh-mariadb-", "mysqld.sock");
        folder.link("data", data);
        folder.folder("tmp");

        folder.close();

        assertThat(folder.path()).doesNotExist();
        assertThat(data.resolve("ibdata1")).hasContent("keep me");
    }

    @Test
    void portTakenNamesThePortAndHowToFindWhoHasIt() {
        var failure = StartupSelfCheck.diagnose("MariaDB", "SPRING_DATASOURCE_URL", 40123, DATA, null, List.of(
                "2026-12-01 14:39:47 0 [ERROR] Can't start server: Bind on TCP/IP port. Got error: 98: Address already in use",
                "2026-12-01 14:39:47 0 [ERROR] Do you already have another server running on port: 40123 ?",
                "2026-12-01 14:39:47 0 [ERROR] Aborting"));

        assertThat(failure.kind()).isEqualTo(Kind.PORT_TAKEN);
        assertThat(failure.line()).isEqualTo("MariaDB cannot start: port 40123 on 127.0.0.1 is taken by another process. "
                + "Fix: start again (every start picks a free port), or see which process holds it: ss -ltnp 'sport = :40123'");
    }

    @Test
    void portTakenFromAnException() {
        var jetty = new IOException("Failed to bind to /127.0.0.1:39011", new BindException("Address already in use"));
        var redis = new IOException("Failed to start Redis service", new IOException(
                "Redis-server process appears not to have started. stdandard-out contains this: # Warning: Could not "
                        + "create server TCP listening socket 127.0.0.1:39012: bind: Address already in use"));

        assertThat(StartupSelfCheck.diagnose("S3 (s3proxy)", "STORAGE_ENDPOINT", 39011, null, jetty, List.of()).kind())
                .isEqualTo(Kind.PORT_TAKEN);
        assertThat(StartupSelfCheck.diagnose("Redis", "SPRING_DATA_REDIS_HOST", 39012, null, redis, List.of()).line())
                .startsWith("Redis cannot start: port 39012 on 127.0.0.1 is taken");
    }

    @Test
    void noDiskSpaceFromTheCheckBeforeTheStart() {
        assertThatThrownBy(() -> StartupSelfCheck.requireFreeSpace("MariaDB", DATA, 660L << 20, 50L << 20))
                .isInstanceOfSatisfying(DevServiceStartException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.NO_DISK_SPACE);
                    assertThat(e.line()).isEqualTo("MariaDB cannot start: only 50 MB free on the disk of " + DATA
                            + ", about 660 MB needed. Fix: free space on that disk (mvn clean removes old test data in target/) "
                            + "and start again");
                });
        StartupSelfCheck.requireFreeSpace("MariaDB", DATA, 660L << 20, 2L << 30);
    }

    @Test
    void noDiskSpaceFromTheProgram() {
        var failure = mariaDb("2026-12-01 14:40:01 0 [ERROR] InnoDB: Could not set the file size of './ibdata1'. "
                + "Probably out of disk space");

        assertThat(failure.kind()).isEqualTo(Kind.NO_DISK_SPACE);
        assertThat(failure.line()).contains("no disk space left for " + DATA).contains("Fix: free space on that disk");
    }

    @Test
    void dataFolderUsedByAnotherServer() {
        var failure = mariaDb("2026-12-01 14:39:47 0 [ERROR] mariadbd: Can't lock aria control file '" + DATA
                + "/aria_log_control' for exclusive use, error: 11. Will retry for 30 seconds");

        assertThat(failure.kind()).isEqualTo(Kind.DATA_IN_USE);
        assertThat(failure.line()).startsWith("MariaDB cannot start: another MariaDB is using " + DATA)
                .contains("Fix: stop the other run command of this checkout")
                .endsWith("or give this one a folder of its own: DEVSERVICES_DIRECTORY=.devservices/second");
        assertThat(StartupSelfCheck.saysDataInUse("[ERROR] InnoDB: Unable to lock ./ibdata1 error: 11")).isTrue();
    }

    @Test
    void binaryThatCannotRun() {
        var noexec = new IOException("Cannot run program \"/tmp/gzh-mariadb-1/base/bin/mariadbd\": error=13, Permission denied");
        var library = mariaDb("/tmp/gzh-mariadb-1/base/bin/mariadbd: error while loading shared libraries: libaio.so.1: "
                + "cannot open shared object file: No such file or directory");

        var failure = StartupSelfCheck.diagnose("MariaDB", "SPRING_DATASOURCE_URL", 0, DATA, noexec, List.of());
        assertThat(failure.kind()).isEqualTo(Kind.CANNOT_EXECUTE);
        assertThat(failure.line()).contains("its bundled program cannot run on this machine")
                .contains("not mounted noexec").contains("or use your own server: set SPRING_DATASOURCE_URL");
        assertThat(library.kind()).isEqualTo(Kind.CANNOT_EXECUTE);
        assertThat(library.line()).contains("needs the system library libaio.so.1")
                .contains("Fix: install the package that provides libaio.so.1");
    }

    @Test
    void folderNotWritable() {
        var failure = mariaDb("2026-12-01 14:40:01 0 [ERROR] mariadbd: Can't create/write to file '/x/tmp/ibXYZ' "
                + "(Errcode: 13 \"Permission denied\")");

        assertThat(failure.kind()).isEqualTo(Kind.NOT_WRITABLE);
        assertThat(failure.line()).contains("cannot write to " + DATA).contains("Fix: make that folder writable");
    }

    @Test
    void anythingElseStillGivesOneLineAndAWayOut() {
        var failure = StartupSelfCheck.diagnose("WeChat simulator (WireMock)", "WECHAT_API_BASE_URL", 0, null,
                new IllegalStateException("something unforeseen\n\tat somewhere"), List.of());

        assertThat(failure.kind()).isEqualTo(Kind.UNKNOWN);
        assertThat(failure.line()).isEqualTo("WeChat simulator (WireMock) cannot start: something unforeseen. "
                + "Fix: see the lines of WeChat simulator (WireMock) above, or use your own server: set WECHAT_API_BASE_URL");
    }

    @Test
    void aTimeOutSaysSoUnlessTheLinesTellMore() {
        assertThat(StartupSelfCheck.timeout("MariaDB", "SPRING_DATASOURCE_URL", 40123, 60, List.of("[Note] starting")).line())
                .startsWith("MariaDB cannot start: not ready after 60 s. Fix:");
        assertThat(StartupSelfCheck.timeout("MariaDB", "SPRING_DATASOURCE_URL", 40123, 60,
                List.of("[ERROR] Can't start server: Bind on TCP/IP port. Got error: 98: Address already in use")).kind())
                .isEqualTo(Kind.PORT_TAKEN);
    }

    @Test
    void theBannerFrameShowsOneLineAndTheFailureAnalysisNoStackTrace() {
        var failure = StartupSelfCheck.diagnose("Redis", "SPRING_DATA_REDIS_HOST", 39012, null,
                new IOException("bind: Address already in use"), List.of());

        String frame = DevServicesBanner.selfCheckFailed(failure);
        List<String> lines = frame.strip().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("公众号登记备案平台 (local)");
        assertThat(lines.get(1)).isEqualTo("  Self-check failed: " + failure.line());

        var analysis = new DevServiceFailureAnalyzer().analyze(new IllegalStateException("context failed", failure));
        assertThat(analysis.getDescription()).isEqualTo("Redis cannot start: port 39012 on 127.0.0.1 is taken by another process.");
        assertThat(analysis.getAction()).startsWith("Start again (every start picks a free port)");
    }

    private static DevServiceStartException mariaDb(String line) {
        return StartupSelfCheck.diagnose("MariaDB", "SPRING_DATASOURCE_URL", 0, DATA, null,
                List.of("2026-12-01 14:39:47 0 [Note] Starting MariaDB 11.4.5-MariaDB", line));
    }
}
