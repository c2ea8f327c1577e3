package cn.cac.gzh.region;

import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import cn.cac.testsupport.ConsoleClient;
import cn.cac.testsupport.FilingForms;
import cn.cac.testsupport.IntegrationTest;
import cn.cac.testsupport.MaterialUploads;
import cn.cac.testsupport.MiniApi;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A single-county installation upgraded to regions as data (V22) on a populated database: a schema at V21 filled
 * with everything the running application has stored (filings in every state with their numbers, materials,
 * staff, audit entries of this and earlier tests), then migrated. Every row stays, every number and audit entry
 * is unchanged, and the one county becomes a county of its city, owning every filing, every staff account and (V24)
 * every audit entry.
 */
@IntegrationTest
class RegionUpgradeMigrationTest {

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aPopulatedSingleCountyDatabaseBecomesACityWithOneCountyAndKeepsEverything() throws Exception {
        populateThroughTheApplication();
        String current = jdbc.queryForObject("SELECT DATABASE()", String.class);
        String upgrade = current + "_upgrade";
        jdbc.execute("DROP DATABASE IF EXISTS `" + upgrade + "`");
        jdbc.execute("CREATE DATABASE `" + upgrade + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        HikariDataSource hikari = (HikariDataSource) dataSource;
        String url = hikari.getJdbcUrl().replaceFirst("/" + current + "(\\?|$)", "/" + upgrade + "$1");
        try (Connection connection = java.sql.DriverManager.getConnection(url, hikari.getUsername(), hikari.getPassword())) {
            Flyway flyway = Flyway.configure().dataSource(new SingleConnectionDataSource(connection, true))
                    .locations("classpath:db/migration").placeholders(Map.of("regioncounty", "411422")).load();
            Flyway.configure().configuration(flyway.getConfiguration()).target("21").load().migrate();
            JdbcTemplate old = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            copyEverything(old, current, upgrade);
            // a digest of the single-county days (V30 must make it the city's)
            old.update("INSERT INTO staff_digest (digest_on, covers_from, covers_to, overdue_count, title, body, status, send_at, "
                    + "sent_at, created_at) VALUES ('2001-01-01', '2000-12-31', '2000-12-31', 1, '新增逾期公众号1个', '升级前', 'SENT', "
                    + "'2001-01-01 00:30:00', '2001-01-01 00:30:00', '2001-01-01 00:00:00')");

            Map<String, Long> countsBefore = counts(old, upgrade);
            List<String> numbersBefore = old.queryForList("SELECT CONCAT(id, ':', COALESCE(filing_number, '-')) FROM filing ORDER BY id", String.class);
            List<String> auditBefore = auditEntries(old);
            String filesBefore = checksum(old, "material_file");
            List<String> rulesBefore = old.queryForList("SELECT CONCAT_WS('|', code, enabled, offsets, title, body, version) "
                    + "FROM reminder_rule ORDER BY code", String.class);
            assertThat(countsBefore.get("filing")).as("a populated database").isGreaterThanOrEqualTo(3);
            assertThat(numbersBefore).anyMatch(n -> n.matches("\\d+:411422-\\d{4}-\\d{5}"));

            var result = flyway.migrate();
            assertThat(result.success).isTrue();
            assertThat(result.targetSchemaVersion).isEqualTo(jdbc.queryForObject(
                    "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank DESC LIMIT 1", String.class));

            Map<String, Long> countsAfter = counts(old, upgrade);
            countsBefore.forEach((table, count) -> assertThat(countsAfter.get(table)).as("rows of %s", table)
                    .isEqualTo(table.equals("office_profile") ? count + 1 : count));
            assertThat(old.queryForList("SELECT CONCAT(id, ':', COALESCE(filing_number, '-')) FROM filing ORDER BY id", String.class))
                    .isEqualTo(numbersBefore);
            assertThat(auditEntries(old)).as("audit entries untouched").isEqualTo(auditBefore);
            // V24: every entry of the single county is that county's; new entries name their county themselves
            assertThat(old.queryForList("SELECT DISTINCT county_code FROM audit_log", String.class)).as("audit entries' county")
                    .containsExactly("411422");
            assertThat(old.queryForObject("SELECT COLUMN_DEFAULT FROM information_schema.columns WHERE table_schema = ? "
                    + "AND table_name = 'audit_log' AND column_name = 'county_code'", String.class, upgrade))
                    .as("no default county for a new entry").isIn(null, "NULL");
            assertThat(checksum(old, "material_file")).as("materials untouched").isEqualTo(filesBefore);
            assertThat(old.queryForList("SELECT DISTINCT county_code FROM filing", String.class)).containsExactly("411422");
            assertThat(old.queryForList("SELECT DISTINCT u.county_code FROM staff_user u WHERE u.id IN "
                    + "(SELECT staff_id FROM staff_user_role WHERE role = 'ADMIN')", String.class)).as("administrators: the city")
                    .containsExactly("411400");
            assertThat(old.queryForList("SELECT DISTINCT u.county_code FROM staff_user u WHERE u.id NOT IN "
                    + "(SELECT staff_id FROM staff_user_role WHERE role = 'ADMIN')", String.class)).as("everyone else: the county")
                    .containsExactly("411422");
            assertThat(old.queryForMap("SELECT code, name, province FROM region_city"))
                    .containsEntry("code", "411400").containsEntry("name", "商丘市").containsEntry("province", "河南省");
            assertThat(old.queryForObject("SELECT city_code FROM region_county WHERE code = '411422'", String.class)).isEqualTo("411400");
            // V25: the one office is the county's (profile, contacts, campaigns); the city office gets a row of its own
            assertThat(old.queryForList("SELECT region_code FROM office_profile ORDER BY region_code", String.class))
                    .containsExactly("411400", "411422");
            assertThat(old.queryForObject("SELECT name FROM office_profile WHERE region_code = '411400'", String.class))
                    .isEqualTo("中共商丘市委网络安全和信息化委员会办公室（市委网信办）");
            assertThat(old.queryForList("SELECT DISTINCT region_code FROM office_contact", String.class)).containsExactly("411422");
            assertThat(old.queryForList("SELECT DISTINCT county_code FROM filing_campaign", String.class)).containsExactly("411422");
            // V27: the one set of reminder rules is the city's (every county's default), unchanged
            assertThat(old.queryForList("SELECT DISTINCT region_code FROM reminder_rule", String.class)).containsExactly("411400");
            assertThat(old.queryForList("SELECT DISTINCT region_code FROM staff_digest", String.class))
                    .as("V30: the digests so far were the city's").containsExactly("411400");
            assertThat(old.queryForList("SELECT CONCAT_WS('|', code, enabled, offsets, title, body, version) FROM reminder_rule "
                    + "ORDER BY code", String.class)).as("reminder rules untouched").isEqualTo(rulesBefore).hasSize(6);
            assertThat(old.queryForList("SELECT column_name FROM information_schema.key_column_usage WHERE table_schema = ? "
                    + "AND table_name = 'reminder_rule' AND constraint_name = 'PRIMARY' ORDER BY ordinal_position", String.class, upgrade))
                    .containsExactly("code", "region_code");
        } finally {
            jdbc.execute("DROP DATABASE IF EXISTS `" + upgrade + "`");
        }
    }

    /** A draft, a rejected and an approved (numbered) filing with materials, and a staff account. */
    private void populateThroughTheApplication() {
        MiniApi api = MiniApi.on(port);
        MaterialUploads uploads = new MaterialUploads(api);
        ConsoleClient admin = new ConsoleClient(port);
        assertThat(admin.login("admin", IntegrationTest.ADMIN_PASSWORD).status()).isEqualTo(200);
        String token = api.loginWithConsent("upgrade-" + UUID.randomUUID()).accessToken();
        api.post("/api/mini/filings", token, FilingForms.unitForm(FilingForms.newOriginalId()));
        for (String decision : List.of("reject", "approve")) {
            var created = api.post("/api/mini/filings", token, FilingForms.unitForm(FilingForms.newOriginalId()));
            uploads.completeChecklist(token, created.id(), "UNIT");
            api.post("/api/mini/filings/" + created.id() + "/submit", token, Map.of("version", created.version()));
            var decided = admin.post("/api/console/review/filings/" + created.id() + "/" + decision,
                    "reject".equals(decision) ? Map.of("text", "请补充材料") : null);
            assertThat(decided.status()).isEqualTo(200);
        }
        assertThat(admin.post("/api/console/admin/staff", Map.of("username", "upg" + UUID.randomUUID().toString().substring(0, 8),
                "displayName", "升级测试", "password", "Upgrade-Test-2026", "roles", List.of("REVIEWER"))).status()).isEqualTo(201);
    }

    /** Every table of the V21 schema gets the rows of the running schema, in the columns both have. */
    private static void copyEverything(JdbcTemplate target, String from, String to) {
        List<String> tables = target.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = ? "
                + "AND table_type = 'BASE TABLE' AND table_name <> 'flyway_schema_history'", String.class, to);
        target.execute("SET FOREIGN_KEY_CHECKS = 0");
        try {
            for (String table : tables) {
                List<String> columns = target.queryForList("""
                        SELECT c.column_name FROM information_schema.columns c
                        JOIN information_schema.columns f ON f.table_schema = ? AND f.table_name = c.table_name
                             AND f.column_name = c.column_name
                        WHERE c.table_schema = ? AND c.table_name = ? ORDER BY c.ordinal_position
                        """, String.class, from, to, table);
                String list = String.join(", ", columns.stream().map(c -> "`" + c + "`").toList());
                target.execute("DELETE FROM `" + to + "`.`" + table + "`");
                if (table.equals("office_profile")) {
                    // before V25 the one office's profile is row 1: the installation county's
                    target.execute("INSERT INTO `" + to + "`.office_profile (id, " + list + ") SELECT 1, " + list + " FROM `" + from
                            + "`.office_profile WHERE region_code = '411422'");
                    continue;
                }
                String own = switch (table) {
                    case "office_contact" -> " WHERE region_code = '411422'";
                    case "reminder_rule" -> " WHERE region_code = '411400'"; // before V27 the one set of rules
                    case "staff_digest" -> " WHERE region_code = '411400'"; // before V30 one digest a day, the city's
                    default -> "";
                };
                target.execute("INSERT INTO `" + to + "`.`" + table + "` (" + list + ") SELECT " + list + " FROM `" + from + "`.`" + table + "`" + own);
            }
        } finally {
            target.execute("SET FOREIGN_KEY_CHECKS = 1");
        }
    }

    private static Map<String, Long> counts(JdbcTemplate jdbc, String schema) {
        Map<String, Long> counts = new HashMap<>();
        for (String table : jdbc.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = ? "
                + "AND table_type = 'BASE TABLE' AND table_name <> 'flyway_schema_history'", String.class, schema)) {
            counts.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM `" + table + "`", Long.class));
        }
        return counts;
    }

    /**
     * Every audit entry as recorded and chained (V24 adds a column beside them, which is not hashed: the chain still
     * verifies when these are unchanged).
     */
    private static List<String> auditEntries(JdbcTemplate jdbc) {
        return jdbc.queryForList("SELECT CONCAT_WS('|', id, DATE_FORMAT(occurred_at, '%Y-%m-%d %H:%i:%s.%f'), actor_type, "
                + "COALESCE(actor_id, '-'), action, target_type, target_id, COALESCE(detail, '-'), COALESCE(client_ip, '-'), "
                + "prev_hash, entry_hash) FROM audit_log ORDER BY id", String.class);
    }

    private static String checksum(JdbcTemplate jdbc, String table) {
        return jdbc.query("CHECKSUM TABLE `" + table + "` EXTENDED", rs -> rs.next() ? rs.getString(2) : null);
    }
}
