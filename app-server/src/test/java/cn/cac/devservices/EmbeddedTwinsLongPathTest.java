package cn.cac.devservices;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

import io.lettuce.core.RedisClient;
import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded twins started from a folder whose path is as a newcomer's checkout can be: over 200
 * characters, with spaces and Chinese characters ({@code …/我的项目/gzh filing/…}). Data stays in that
 * folder; sockets and working files go to a short private folder that is gone after stop; nothing
 * keeps running. A taken port is reported in one line with its fix, at once.
 */
class EmbeddedTwinsLongPathTest {

    private static Path longFolder;

    @BeforeAll
    static void longFolder() throws IOException {
        Path folder = Path.of("target", "长路径 测试", "我的项目", "gzh filing",
                "a deliberately long folder name like the ones people give their projects").toAbsolutePath();
        while (folder.toString().length() < 200) {
            folder = folder.resolve("one more level of folders with spaces 与中文");
        }
        longFolder = Files.createDirectories(folder);
        assertThat(longFolder.toString()).hasSizeGreaterThanOrEqualTo(200).contains(" ").contains("我的项目");
    }

    @AfterAll
    static void removeLongFolder() throws IOException {
        // the unpacked MariaDB binaries take 350 MB (unpacked once: every test here uses the same folder)
        Path top = Path.of("target", "长路径 测试").toAbsolutePath();
        try (Stream<Path> paths = Files.walk(top)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    @Test
    void mariaDbKeepsItsDataInTheLongFolderAndItsSocketInAShortFolderRemovedAtStop() throws Exception {
        Path root = longFolder.resolve("mariadb");
        Path socketFolder;
        long pid;
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(root)) {
            socketFolder = db.socketFolder();
            pid = db.pid();
            Path socket = socketFolder.resolve("mysqld.sock");
            assertThat(socket).exists();
            assertThat(ShortTempFolder.bytes(socket.toString())).isLessThanOrEqualTo(ShortTempFolder.SOCKET_PATH_LIMIT);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socketFolder))).isEqualTo("rwx------");
            try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), "root", "");
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE county (name VARCHAR(20)) CHARACTER SET utf8mb4");
                statement.execute("INSERT INTO county VALUES ('睢县')");
            }
        }
        assertThat(socketFolder).doesNotExist();
        assertThat(ProcessHandle.of(pid)).isEmpty();
        assertThat(root.resolve("data").resolve(EmbeddedMariaDb.DATABASE)).isDirectory();

        // the run command's next start: the same data, a new socket folder
        try (EmbeddedMariaDb again = EmbeddedMariaDb.start(root);
                Connection connection = DriverManager.getConnection(again.jdbcUrl(), "root", "");
                Statement statement = connection.createStatement();
                ResultSet county = statement.executeQuery("SELECT name FROM county")) {
            assertThat(again.socketFolder()).isNotEqualTo(socketFolder);
            assertThat(county.next()).isTrue();
            assertThat(county.getString(1)).isEqualTo("睢县");
        }
    }

    @Test
    void redisWorksInAShortPrivateFolderRemovedAtStop() {
        Path folder;
        try (EmbeddedRedis redis = EmbeddedRedis.start()) {
            folder = redis.folder();
            assertThat(folder).isDirectory();
            RedisClient client = RedisClient.create("redis://127.0.0.1:" + redis.port());
            try (var connection = client.connect()) {
                assertThat(connection.sync().ping()).isEqualTo("PONG");
                assertThat(connection.sync().configGet("dir")).containsEntry("dir", folder.toString());
            } finally {
                client.shutdown();
            }
        }
        assertThat(folder).doesNotExist();
    }

    @Test
    void s3KeepsObjectsInTheLongFolder() throws Exception {
        Path store = longFolder.resolve("s3");
        byte[] content = "登记备案材料".getBytes(StandardCharsets.UTF_8);
        try (EmbeddedS3 s3 = EmbeddedS3.start(store)) {
            var properties = s3.properties();
            MinioClient minio = MinioClient.builder().endpoint(properties.get("storage.endpoint"))
                    .credentials(properties.get("storage.access-key"), properties.get("storage.secret-key")).build();
            minio.makeBucket(MakeBucketArgs.builder().bucket("filing-materials").build());
            minio.putObject(PutObjectArgs.builder().bucket("filing-materials").object("材料/身份证 正面.txt")
                    .stream(new ByteArrayInputStream(content), content.length, -1).contentType("text/plain").build());
            try (InputStream in = minio.getObject(GetObjectArgs.builder().bucket("filing-materials")
                    .object("材料/身份证 正面.txt").build())) {
                assertThat(in.readAllBytes()).isEqualTo(content);
            }
            assertThat(minio.bucketExists(BucketExistsArgs.builder().bucket("filing-materials").build())).isTrue();
        }
        assertThat(store.resolve("filing-materials")).isDirectory();
    }

    @Test
    void aTakenPortIsReportedInOneLineWithTheFixAndLeavesNothingBehind() throws Exception {
        Set<Path> before = shortFolders();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            long started = System.nanoTime();
            assertThatThrownBy(() -> EmbeddedMariaDb.start(longFolder.resolve("mariadb"), port))
                    .isInstanceOfSatisfying(DevServiceStartException.class, e -> {
                        assertThat(e.kind()).isEqualTo(DevServiceStartException.Kind.PORT_TAKEN);
                        assertThat(e.line()).startsWith("MariaDB cannot start: port " + port + " on 127.0.0.1 is taken")
                                .contains("Fix: start again").doesNotContain("\n");
                    });
            assertThat((System.nanoTime() - started) / 1_000_000_000).as("seconds until the report").isLessThan(20);

            assertThatThrownBy(() -> EmbeddedRedis.start(port))
                    .isInstanceOfSatisfying(DevServiceStartException.class, e -> {
                        assertThat(e.kind()).isEqualTo(DevServiceStartException.Kind.PORT_TAKEN);
                        assertThat(e.line()).startsWith("Redis cannot start: port " + port);
                    });
            assertThatThrownBy(() -> EmbeddedS3.start(null, port))
                    .isInstanceOfSatisfying(DevServiceStartException.class,
                            e -> assertThat(e.kind()).isEqualTo(DevServiceStartException.Kind.PORT_TAKEN));
        }
        assertThat(shortFolders()).as("no socket or working folder left behind").isSubsetOf(before);
    }

    @Test
    void aSecondMariaDbOnTheSameDataIsReportedInOneLine() {
        Path root = longFolder.resolve("mariadb");
        try (EmbeddedMariaDb first = EmbeddedMariaDb.start(root)) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> EmbeddedMariaDb.start(root))
                    .isInstanceOfSatisfying(DevServiceStartException.class, e -> {
                        assertThat(e.kind()).isEqualTo(DevServiceStartException.Kind.DATA_IN_USE);
                        assertThat(e.line()).startsWith("MariaDB cannot start: another MariaDB is using " + root.resolve("data"))
                                .contains("Fix: stop the other run command");
                    });
            assertThat((System.nanoTime() - started) / 1_000_000_000).as("seconds until the report").isLessThan(20);
        }
    }

    private static Set<Path> shortFolders() throws IOException {
        Set<Path> folders = new HashSet<>();
        for (Path parent : ShortTempFolder.candidates()) {
            if (Files.isDirectory(parent)) {
                try (Stream<Path> entries = Files.list(parent)) {
                    entries.filter(p -> p.getFileName().toString().matches("gzh-(mariadb|redis)-.*")).forEach(folders::add);
                }
            }
        }
        return folders;
    }
}
