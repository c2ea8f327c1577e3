package cn.cac.gzh.common.pii;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.cac.gzh.common.db.RetryingTransactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Moves every encrypted column to the current key after a rotation (docs/pii.md): per column, rows whose
 * ciphertext names an older key version are read in batches by primary key, decrypted with their version's
 * key and written back under the current key, one short transaction per batch. The stored version is the
 * progress: a run that stops (limit, crash, restart) leaves finished rows on the current version and the
 * next run picks up the rest. Each row is written only if its ciphertext is still the one read, so a
 * concurrent write by the running service (always under the current key) wins. Before writing anything,
 * every old version present must have a key that decrypts a sample row, and every batch is decrypted in
 * full before any row of it is written, so a wrong or missing old key fails without changing a row.
 * The blind index (separate key) does not depend on the encryption key and is left as it is.
 */
@Component
public class PiiReencryption {

    private static final Logger log = LoggerFactory.getLogger(PiiReencryption.class);

    /** Every column holding {@link PersonalDataCipher#encrypt} output: table, primary key, column. */
    public static final List<EncryptedColumn> COLUMNS = List.of(
            new EncryptedColumn("filing", "id", "responsible_id_cipher"),
            new EncryptedColumn("filing", "id", "admin_id_cipher"),
            new EncryptedColumn("filing", "id", "person_id_cipher"),
            new EncryptedColumn("account_operator", "id", "session_key"),
            new EncryptedColumn("material_recognition", "file_id", "fields_cipher"));

    public record EncryptedColumn(String table, String key, String column) {

        String name() {
            return table + "." + column;
        }
    }

    /** Per column: rows moved in this run and rows still on an older version afterwards. */
    public record Progress(int currentVersion, Map<String, Long> reencrypted, Map<String, Long> remaining, boolean complete) {
    }

    private final JdbcTemplate jdbc;
    private final PersonalDataCipher cipher;
    private final RetryingTransactions transactions;

    public PiiReencryption(JdbcTemplate jdbc, PersonalDataCipher cipher, RetryingTransactions transactions) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.transactions = transactions;
    }

    /** Rows per column still encrypted under an older key version. */
    public Map<String, Long> remaining() {
        Map<String, Long> remaining = new LinkedHashMap<>();
        for (EncryptedColumn c : COLUMNS) {
            remaining.put(c.name(), jdbc.queryForObject("SELECT COUNT(*) FROM " + c.table() + " WHERE " + c.column()
                    + " IS NOT NULL AND " + c.column() + " NOT LIKE ?", Long.class, currentPrefix()));
        }
        return remaining;
    }

    /**
     * Re-encrypts at most {@code maxBatches} batches of {@code batchSize} rows (over all columns), then
     * answers the progress; call again to continue.
     */
    public Progress run(int batchSize, int maxBatches) {
        if (batchSize < 1 || maxBatches < 1) {
            throw new IllegalArgumentException("batchSize and maxBatches must be positive");
        }
        checkOldKeys();
        Map<String, Long> moved = new LinkedHashMap<>();
        int batches = 0;
        for (EncryptedColumn c : COLUMNS) {
            long count = 0;
            long lastId = 0;
            while (batches < maxBatches) {
                List<Object[]> rows = jdbc.query("SELECT " + c.key() + ", " + c.column() + " FROM " + c.table() + " WHERE "
                        + c.key() + " > ? AND " + c.column() + " IS NOT NULL AND " + c.column() + " NOT LIKE ? ORDER BY "
                        + c.key() + " LIMIT ?", (rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)},
                        lastId, currentPrefix(), batchSize);
                if (rows.isEmpty()) {
                    break;
                }
                // decrypt the whole batch first: a failing key changes nothing
                List<Object[]> updates = new ArrayList<>(rows.size());
                for (Object[] row : rows) {
                    String stored = (String) row[1];
                    updates.add(new Object[] {cipher.encrypt(cipher.decrypt(stored)), row[0], stored});
                }
                int[] written = transactions.execute("pii-reencrypt", () -> jdbc.batchUpdate("UPDATE " + c.table() + " SET "
                        + c.column() + " = ? WHERE " + c.key() + " = ? AND " + c.column() + " = ?", updates));
                for (int w : written) {
                    count += w > 0 || w == java.sql.Statement.SUCCESS_NO_INFO ? 1 : 0;
                }
                lastId = (Long) rows.get(rows.size() - 1)[0];
                batches++;
            }
            moved.put(c.name(), count);
        }
        Map<String, Long> remaining = remaining();
        boolean complete = remaining.values().stream().allMatch(n -> n == 0);
        log.info("PII re-encryption to key version {}: moved {}, remaining {}", cipher.currentVersion(), moved, remaining);
        return new Progress(cipher.currentVersion(), moved, remaining, complete);
    }

    /** Fails before any write when an old version present in the data has no key, or a key that does not fit. */
    private void checkOldKeys() {
        for (EncryptedColumn c : COLUMNS) {
            List<String> versions = jdbc.queryForList("SELECT DISTINCT SUBSTRING_INDEX(" + c.column() + ", ':', 1) FROM "
                    + c.table() + " WHERE " + c.column() + " IS NOT NULL AND " + c.column() + " NOT LIKE ?", String.class, currentPrefix());
            for (String prefix : versions) {
                String sample = jdbc.queryForObject("SELECT " + c.column() + " FROM " + c.table() + " WHERE " + c.column()
                        + " LIKE ? ORDER BY " + c.key() + " LIMIT 1", String.class, prefix + ":%");
                int version = PersonalDataCipher.version(sample);
                try {
                    cipher.decrypt(sample);
                } catch (PersonalDataCipher.MissingKeyException e) {
                    throw e;
                } catch (IllegalStateException e) {
                    throw new IllegalStateException("The key configured for ciphertext version " + version
                            + " does not decrypt " + c.name() + " (wrong key in pii.previous-encryption-keys?); nothing was changed", e);
                }
            }
        }
    }

    private String currentPrefix() {
        return "v" + cipher.currentVersion() + ":%";
    }
}
