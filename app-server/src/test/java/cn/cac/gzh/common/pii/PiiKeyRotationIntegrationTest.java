package cn.cac.gzh.common.pii;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.cac.gzh.common.db.RetryingTransactions;
import cn.cac.testsupport.ConsoleClient;
import cn.cac.testsupport.FilingForms;
import cn.cac.testsupport.IntegrationTest;
import cn.cac.testsupport.MiniApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rotation of the PII encryption key: rows written under key 1 (the context's key), the service rotated to
 * key 2 with key 1 kept as a previous key, the re-encryption run in two parts (stopped, resumed); a missing
 * or wrong old key fails before any row changes. The context itself keeps key 1, so every test moves the
 * rows back to version 1 afterwards.
 */
@IntegrationTest
class PiiKeyRotationIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PiiProperties properties;
    @Autowired
    PersonalDataCipher contextCipher;
    @Autowired
    RetryingTransactions transactions;

    final String key2 = randomKey();
    MiniApi api;
    String marker;

    @BeforeEach
    void setUp() {
        api = MiniApi.on(port);
        marker = "轮换" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 3; i++) {
            String token = api.loginWithConsent("rotation-" + UUID.randomUUID()).accessToken();
            Map<String, Object> unit = FilingForms.unitForm(FilingForms.newOriginalId());
            FilingForms.section(unit, "account").put("name", marker + "单位" + i);
            assertThat(api.post("/api/mini/filings", token, unit).status()).isEqualTo(201);
            Map<String, Object> person = FilingForms.individualForm(FilingForms.newOriginalId());
            FilingForms.section(person, "account").put("name", marker + "个人" + i);
            assertThat(api.post("/api/mini/filings", token, person).status()).isEqualTo(201);
        }
    }

    @AfterEach
    void backToTheContextKey() {
        // the context decrypts with key 1 only: move everything back (version 1 = the context's key again)
        PersonalDataCipher back = cipher(properties.encryptionKey(), 1, "2:" + key2);
        new PiiReencryption(jdbc, back, transactions).run(1000, 1000);
    }

    @Test
    void rowsMoveToTheNewKeyInTwoRunsAndStillDecryptAndMatchTheirIndex() {
        Map<String, String> before = ciphertexts();
        assertThat(before).isNotEmpty();
        assertThat(before.values()).allMatch(v -> v.startsWith("v1:"));
        long filings = jdbc.queryForObject("SELECT COUNT(*) FROM filing WHERE responsible_id_cipher IS NOT NULL"
                + " OR admin_id_cipher IS NOT NULL OR person_id_cipher IS NOT NULL", Long.class);
        assertThat(filings).isGreaterThanOrEqualTo(6);

        PersonalDataCipher rotated = cipher(key2, 2, "1:" + properties.encryptionKey());
        assertThat(rotated.decrypt(before.values().iterator().next())).as("old ciphertexts still readable").isNotNull();
        assertThat(rotated.encrypt("x")).startsWith("v2:");
        PiiReencryption reencryption = new PiiReencryption(jdbc, rotated, transactions);

        PiiReencryption.Progress first = reencryption.run(2, 2);
        assertThat(first.complete()).as("stopped after two batches").isFalse();
        long movedFirst = first.reencrypted().values().stream().mapToLong(Long::longValue).sum();
        assertThat(movedFirst).as("at most two batches of two").isBetween(2L, 4L);
        assertThat(first.remaining().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(before.size() - movedFirst);
        Map<String, String> middle = ciphertexts();
        assertThat(middle.values().stream().filter(v -> v.startsWith("v2:")).count()).isEqualTo(movedFirst);

        PiiReencryption.Progress second = reencryption.run(2, 100_000);
        assertThat(second.complete()).isTrue();
        assertThat(second.remaining().values()).containsOnly(0L);
        assertThat(reencryption.remaining().values()).containsOnly(0L);

        Map<String, String> after = ciphertexts();
        assertThat(after.keySet()).isEqualTo(before.keySet());
        assertThat(after.values()).allMatch(v -> v.startsWith("v2:"));
        before.forEach((cell, old) -> assertThat(rotated.decrypt(after.get(cell))).as(cell).isEqualTo(contextCipher.decrypt(old)));
        assertThatThrownBy(() -> contextCipher.decrypt(after.values().iterator().next()))
                .isInstanceOf(PersonalDataCipher.MissingKeyException.class).hasMessageContaining("version 2");

        // the blind index does not depend on the encryption key: look-ups by ID number still find the rows
        List<Map<String, Object>> found = jdbc.queryForList("SELECT responsible_id_cipher, admin_id_cipher FROM filing"
                + " WHERE responsible_id_index = ? AND admin_id_index = ? AND account_name LIKE ?",
                rotated.blindIndex(FilingForms.RESPONSIBLE_ID), rotated.blindIndex(FilingForms.ADMIN_ID), marker + "单位%");
        assertThat(found).hasSize(3).allSatisfy(row -> {
            assertThat(rotated.decrypt((String) row.get("responsible_id_cipher"))).isEqualTo(FilingForms.RESPONSIBLE_ID);
            assertThat(rotated.decrypt((String) row.get("admin_id_cipher"))).isEqualTo(FilingForms.ADMIN_ID);
        });
        assertThat(rotated.blindIndex(FilingForms.RESPONSIBLE_ID)).isEqualTo(contextCipher.blindIndex(FilingForms.RESPONSIBLE_ID));
    }

    @Test
    void aMissingOrWrongOldKeyFailsClearlyAndChangesNothing() {
        Map<String, String> before = ciphertexts();

        PersonalDataCipher withoutOldKey = cipher(key2, 2, null);
        assertThatThrownBy(() -> new PiiReencryption(jdbc, withoutOldKey, transactions).run(2, 100))
                .isInstanceOf(PersonalDataCipher.MissingKeyException.class)
                .hasMessageContaining("version 1").hasMessageContaining("PII_PREVIOUS_ENCRYPTION_KEYS")
                .hasMessageNotContaining(properties.encryptionKey()).hasMessageNotContaining(key2);
        assertThat(ciphertexts()).isEqualTo(before);

        PersonalDataCipher withWrongOldKey = cipher(key2, 2, "1:" + randomKey());
        assertThatThrownBy(() -> new PiiReencryption(jdbc, withWrongOldKey, transactions).run(2, 100))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("version 1").hasMessageContaining("nothing was changed");
        assertThat(ciphertexts()).isEqualTo(before);
    }

    @Test
    void theConsoleActionIsForAdministratorsAndReportsProgress() {
        ConsoleClient admin = new ConsoleClient(port);
        assertThat(admin.login("admin", IntegrationTest.ADMIN_PASSWORD).status()).isEqualTo(200);
        var remaining = admin.get("/api/console/admin/pii/re-encrypt");
        assertThat(remaining.status()).isEqualTo(200);
        assertThat(remaining.body()).containsOnlyKeys(PiiReencryption.COLUMNS.stream().map(c -> c.table() + "." + c.column()).toArray(String[]::new));
        var run = admin.post("/api/console/admin/pii/re-encrypt?batchSize=100", null);
        assertThat(run.status()).isEqualTo(200);
        assertThat(run.get("complete")).isEqualTo(true);
        assertThat(run.get("currentVersion")).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'PII_REENCRYPTED'", Integer.class)).isPositive();
        assertThat(new ConsoleClient(port).post("/api/console/admin/pii/re-encrypt", null).status()).isIn(401, 403);
    }

    @Test
    void theConfigurationBeforeRotationStillWorks() {
        PersonalDataCipher legacy = new PersonalDataCipher(new PiiProperties(properties.encryptionKey(), properties.indexKey()));
        String stored = legacy.encrypt(FilingForms.RESPONSIBLE_ID);
        assertThat(stored).startsWith("v1:");
        assertThat(contextCipher.decrypt(stored)).isEqualTo(FilingForms.RESPONSIBLE_ID);
        assertThatThrownBy(() -> cipher(key2, 2, "2:" + randomKey())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version 2");
    }

    /** Every encrypted cell: "table.column#id" → ciphertext. */
    private Map<String, String> ciphertexts() {
        Map<String, String> cells = new java.util.TreeMap<>();
        for (PiiReencryption.EncryptedColumn c : PiiReencryption.COLUMNS) {
            jdbc.query("SELECT " + c.key() + ", " + c.column() + " FROM " + c.table() + " WHERE " + c.column() + " IS NOT NULL",
                    rs -> {
                        cells.put(c.table() + "." + c.column() + "#" + rs.getLong(1), rs.getString(2));
                    });
        }
        return cells;
    }

    private PersonalDataCipher cipher(String currentKey, int version, String previous) {
        return new PersonalDataCipher(new PiiProperties(currentKey, properties.indexKey(), version, previous));
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
