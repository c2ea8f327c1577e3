package cn.cac.gzh;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import cn.cac.testsupport.ConsoleClient;
import cn.cac.testsupport.CountyStaff;
import cn.cac.testsupport.IntegrationTest;
import cn.cac.testsupport.MiniApi;
import cn.cac.testsupport.SecondCounty;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every console operation of {@code /v3/api-docs} has a row in {@code county-scope.tsv} saying how a county office is
 * kept to its county, and the classes that can be called mechanically are: as a 民权县 office (every role), each
 * {@code city} operation answers 403 {@code SCOPE_FORBIDDEN}, each {@code county} operation naming 睢县 and each
 * {@code narrowed} one that takes {@code ?county=} naming 睢县 too, a 睢县 campaign ({@code record}) looks missing, and
 * another office's export ({@code own}) as well; and nothing of 睢县 or the city changes. The id classes ({@code filing},
 * {@code push}, {@code staff}) are exactly the operations {@link CountyScopeIntegrationTest} calls across counties.
 */
@IntegrationTest
class CountyScopeMatrixIntegrationTest {

    private static final String TABLE = "/county-scope.tsv";
    private static final Set<String> CLASSES = Set.of("filing", "push", "staff", "record", "narrowed", "county", "city", "own",
            "shared");
    private static final String SUI = "411422";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    @SuppressWarnings("unchecked")
    void everyConsoleOperationIsScopedAsItsRowSays() throws IOException {
        Map<String, String> table = readTable();
        Map<String, Map<String, Object>> operations = consoleOperations();
        assertThat(operations.keySet().stream().filter(op -> !table.containsKey(op)).map(op -> op + " has no row in " + TABLE))
                .as("documented console operations without a row").isEmpty();
        assertThat(table.keySet().stream().filter(op -> !operations.containsKey(op)).map(op -> op + " is no longer documented"))
                .as("stale rows").isEmpty();
        table.forEach((op, scope) -> assertThat(CLASSES).as("the class of " + op).contains(scope));
        table.forEach((op, scope) -> {
            String path = op.substring(op.indexOf(' ') + 1);
            assertThat(scope.equals("filing")).as(op + " names a filing or material").isEqualTo(
                    CountyScopeIntegrationTest.FILING_OR_MATERIAL.matcher(path).matches());
            assertThat(scope.equals("push")).as(op + " names a push").isEqualTo(CountyScopeIntegrationTest.PUSH.matcher(path).matches());
            assertThat(scope.equals("staff")).as(op + " names a staff account").isEqualTo(
                    CountyScopeIntegrationTest.STAFF.matcher(path).matches());
        });

        String minquan = SecondCounty.ensure(jdbc);
        ConsoleClient city = new ConsoleClient(port);
        assertThat(city.login("admin", IntegrationTest.ADMIN_PASSWORD).status()).isEqualTo(200);
        ConsoleClient county = CountyStaff.signedIn(port, city, minquan, List.of("ADMIN", "REVIEWER", "PUBLISHER"));
        String before = otherOfficesState();

        List<String> called = new ArrayList<>();
        table.forEach((op, scope) -> {
            String method = op.substring(0, op.indexOf(' '));
            String path = op.substring(op.indexOf(' ') + 1);
            boolean takesCounty = takesCounty(operations.get(op));
            String target = switch (scope) {
                case "city" -> path;
                case "county" -> path.contains("/counties/{code}") ? path.replace("{code}", SUI)
                        : path.replace("{code}", "OPENING_WINDOW") + "?county=" + SUI;
                case "narrowed" -> takesCounty ? path + "?county=" + SUI : null;
                default -> null;
            };
            if (target == null) {
                return;
            }
            Object body = BODIES.getOrDefault(op, Map.of());
            String concrete = op.equals("DELETE /api/console/admin/place-names") ? target + "&term=%E7%9D%A2%E5%B7%9E" : target;
            var answer = switch (method) {
                case "GET" -> county.get(concrete);
                case "POST" -> county.post(concrete, body);
                case "PUT" -> county.put(concrete, body);
                default -> county.send(method, concrete);
            };
            assertThat(answer.status()).as("%s as 民权县's office (%s)", op, scope).isEqualTo(403);
            assertThat(answer.code()).as(op).isEqualTo("SCOPE_FORBIDDEN");
            called.add(op);
        });
        assertThat(called).as("the operations called").contains("POST /api/console/admin/counties",
                "PUT /api/console/admin/office", "GET /api/console/dashboard", "GET /api/console/registry",
                "PUT /api/console/admin/reminder-rules/{code}");
        assertThat(otherOfficesState()).as("nothing of 睢县 or the city changed").isEqualTo(before);

        // record: 睢县's campaign looks missing to 民权县
        var campaign = city.post("/api/console/admin/campaigns", Map.of("name", "睢县集中登记" + UUID.randomUUID().toString().substring(0, 4),
                "startsOn", "2031-03-01", "endsOn", "2031-03-10", "countyCode", SUI));
        assertThat(campaign.status()).isEqualTo(201);
        long campaignId = ((Number) campaign.get("id")).longValue();
        String campaignBefore = jdbc.queryForObject("SELECT CONCAT_WS('|', name, starts_on, ends_on) FROM filing_campaign WHERE id = ?",
                String.class, campaignId);
        for (String op : table.keySet().stream().filter(op -> table.get(op).equals("record")).toList()) {
            String concrete = op.substring(op.indexOf(' ') + 1).replace("{id}", String.valueOf(campaignId));
            var answer = op.startsWith("PUT ") ? county.put(concrete, Map.of("name", "改", "startsOn", "2031-03-01", "endsOn", "2031-03-05"))
                    : county.send(op.substring(0, op.indexOf(' ')), concrete);
            assertThat(answer.status()).as(op).isEqualTo(404);
            assertThat(answer.code()).isEqualTo("CAMPAIGN_NOT_FOUND");
        }
        assertThat(jdbc.queryForObject("SELECT CONCAT_WS('|', name, starts_on, ends_on) FROM filing_campaign WHERE id = ?",
                String.class, campaignId)).isEqualTo(campaignBefore);

        // own: the city office's export is not there for 民权县
        var started = city.post("/api/console/admin/exports", Map.of("kind", "REGISTRY", "fullIdNumbers", false, "text", "gh_none"));
        assertThat(started.status()).isEqualTo(202);
        String exportId = (String) started.get("id");
        await().atMost(java.time.Duration.ofSeconds(30)).until(() -> "DONE".equals(city.get("/api/console/admin/exports/" + exportId)
                .get("status")));
        for (String op : List.of("GET /api/console/admin/exports/{id}", "GET /api/console/admin/exports/{id}/download")) {
            assertThat(table.get(op)).isEqualTo("own");
            var answer = county.get(op.substring(4).replace("{id}", exportId));
            assertThat(answer.status()).as(op).isEqualTo(404);
            assertThat(answer.code()).isEqualTo("EXPORT_NOT_FOUND");
        }
    }

    /** Bodies the operations would accept, so that only the scope can refuse them. */
    private static final Map<String, Object> BODIES = Map.of(
            "POST /api/console/admin/counties", Map.of("code", "411497", "name", "越权县"),
            "POST /api/console/admin/counties/{code}/place-names/import", Map.of("text", "本地特征 越界词语"),
            "POST /api/console/admin/place-names", Map.of("term", "越界词语", "kind", "LOCAL_FEATURE"),
            "POST /api/console/admin/campaigns", Map.of("name", "越界备案期", "startsOn", "2031-01-01", "endsOn", "2031-01-10",
                    "countyCode", SUI),
            "PUT /api/console/admin/office", Map.of("name", "越界网信办", "address", "某路1号", "instructions", "须知",
                    "contacts", List.of(Map.of("name", "值班", "phone", "0370-1234567"))),
            "PUT /api/console/admin/official-account/replies", Map.of("texts", Map.of("HELP", "越界")),
            "PUT /api/console/admin/reminder-rules/{code}", Map.of("enabled", true, "offsets", List.of(7), "title", "越界提醒",
                    "body", "越界", "version", 0));

    /** What a 民权县 office must not be able to change: 睢县's and the city's reference data, the whole city's rows. */
    private String otherOfficesState() {
        return jdbc.queryForObject("""
                SELECT CONCAT_WS('|',
                  (SELECT COUNT(*) FROM region_county),
                  (SELECT COUNT(*) FROM region_place_name WHERE county_code = '411422'),
                  (SELECT GROUP_CONCAT(CONCAT(region_code, name, address) ORDER BY region_code) FROM office_profile WHERE region_code <> ?),
                  (SELECT GROUP_CONCAT(CONCAT(region_code, code, content) ORDER BY region_code, code) FROM oa_reply_text WHERE region_code <> ?),
                  (SELECT COUNT(*) FROM filing_campaign WHERE county_code IS NULL OR county_code <> ?),
                  (SELECT GROUP_CONCAT(CONCAT(region_code, code, enabled, offsets, title, version) ORDER BY region_code, code)
                   FROM reminder_rule WHERE region_code <> ?))""",
                String.class, SecondCounty.CODE, SecondCounty.CODE, SecondCounty.CODE, SecondCounty.CODE);
    }

    private static boolean takesCounty(Map<String, Object> operation) {
        Object parameters = operation.get("parameters");
        return parameters instanceof List<?> list && list.stream()
                .anyMatch(p -> p instanceof Map<?, ?> m && "county".equals(m.get("name")) && "query".equals(m.get("in")));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> consoleOperations() {
        var document = MiniApi.on(port).get("/v3/api-docs", null);
        assertThat(document.status()).isEqualTo(200);
        Map<String, Map<String, Object>> operations = new LinkedHashMap<>();
        ((Map<String, Map<String, Object>>) document.get("paths")).forEach((path, item) -> {
            if (path.startsWith("/api/console/")) {
                item.forEach((method, operation) -> {
                    if (Set.of("get", "put", "post", "delete", "patch").contains(method)) {
                        operations.put(method.toUpperCase() + " " + path, (Map<String, Object>) operation);
                    }
                });
            }
        });
        return operations;
    }

    private static Map<String, String> readTable() throws IOException {
        Map<String, String> rows = new LinkedHashMap<>();
        try (InputStream in = CountyScopeMatrixIntegrationTest.class.getResourceAsStream(TABLE)) {
            assertThat(in).as(TABLE + " on the test class path").isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                assertThat(cells).as("cells of: " + line).hasSize(2);
                assertThat(rows.put(cells[0].strip(), cells[1].strip())).as("duplicate row " + cells[0]).isNull();
            }
        }
        return rows;
    }
}
