package cn.cac.gzh.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The audit log is append-only: no code, mapper or migration updates or deletes its rows (the one exception is V18's
 * one-time chaining of the entries that existed before the chain), and only the audit module names the table.
 */
class AuditAppendOnlyTest {

    private static final Path MAIN = Path.of("src/main");
    private static final Pattern CHANGE = Pattern.compile(
            "(?is)\\b(UPDATE\\s+(IGNORE\\s+|LOW_PRIORITY\\s+)*`?audit_log`?\\b|DELETE\\b[^;\"]*?\\bFROM\\s+`?audit_log`?\\b"
                    + "|TRUNCATE\\s+(TABLE\\s+)?`?audit_log`?\\b|REPLACE\\s+INTO\\s+`?audit_log`?\\b|DROP\\s+TABLE\\s+(IF\\s+EXISTS\\s+)?`?audit_log`?\\b"
                    + "|INSERT\\b[^;\"]*?\\baudit_log\\b[^;]*?ON\\s+DUPLICATE\\s+KEY\\s+UPDATE)");
    private static final Pattern TABLE_MAPPING = Pattern.compile("(?i)@TableName\\(\\s*\"audit_log\"");

    @Test
    void nothingUpdatesOrDeletesAuditRows() {
        List<String> offenders = sources().filter(path -> !path.endsWith("V18__audit_chain.sql"))
                .filter(path -> CHANGE.matcher(read(path)).find() || TABLE_MAPPING.matcher(read(path)).find())
                .map(Path::toString).toList();
        assertThat(offenders).as("code that changes or removes audit_log rows").isEmpty();
    }

    @Test
    void theOneBackfillOnlyFillsTheNewColumns() {
        String v18 = read(MAIN.resolve("resources/db/migration/V18__audit_chain.sql"));
        var update = Pattern.compile("(?is)UPDATE\\s+audit_log\\s+SET\\s+(.*?)ORDER BY id;").matcher(v18);
        assertThat(update.find()).isTrue();
        assertThat(update.group(1)).startsWith("prev_hash").contains("entry_hash").doesNotContain("detail =", "client_ip =");
        assertThat(update.find()).as("a single backfill statement").isFalse();
        assertThat(v18).doesNotContainPattern("(?i)DELETE\\s+FROM\\s+audit_log");
    }

    @Test
    void onlyTheAuditModuleTouchesTheTable() {
        List<String> outside = sources().filter(path -> path.toString().endsWith(".java"))
                .filter(path -> !path.toString().replace('\\', '/').contains("/cn/cac/gzh/audit/"))
                // names it among the tables it narrows to a county office's (reads only: the append ignores it)
                .filter(path -> !path.toString().replace('\\', '/').endsWith("/cn/cac/gzh/common/CountyScopeInterceptor.java"))
                .filter(path -> read(path).contains("audit_log") || read(path).contains("audit_chain_head"))
                .map(Path::toString).toList();
        assertThat(outside).as("audit_log is written only through AuditTrail").isEmpty();
    }

    private static Stream<Path> sources() {
        try {
            return Files.walk(MAIN).filter(Files::isRegularFile)
                    .filter(path -> path.toString().matches(".*\\.(java|xml|sql|kt)$")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
