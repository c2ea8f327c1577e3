package cn.cac.gzh;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import cn.cac.devservices.WechatSimulator;
import cn.cac.testsupport.ConsoleClient;
import cn.cac.testsupport.FilingForms;
import cn.cac.testsupport.IntegrationTest;
import cn.cac.testsupport.MaterialUploads;
import cn.cac.testsupport.MiniApi;
import cn.cac.testsupport.TestFiles;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Who may call what, for every operation of the live OpenAPI document and every kind of caller, from one table:
 * {@code src/test/resources/authorisation-matrix.tsv} (docs/architecture.md, "Authorisation matrix", says how to add an
 * operation).
 * <p>
 * Callers: anonymous, operator A (owner of every fixture), operator B (another operator, on A's ids), and staff with a
 * single role each (reviewer, publisher, admin). Path parameters are filled with A's real ids (or throw-away targets
 * for destructive administration). Cells: {@code ok} (passed authorisation: not 401/403, never 5xx; a 400/404/409
 * from the deliberately minimal body is fine), an exact status such as {@code 401}, {@code 403} or {@code 404}, or
 * {@code skip:<reason>}. An operation missing from the table, or a row no longer in the document, fails the build.
 * <p>
 * Within an operation the callers run in the table's column order (admin last), and the table's rows run in order,
 * so destructive calls only touch throw-away targets; operations that end the caller's own session run on a fresh one.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorisationMatrixIntegrationTest {

    static final String TABLE = "/authorisation-matrix.tsv";
    static final List<String> CALLERS = List.of("anonymous", "operatorA", "operatorB", "reviewer", "publisher", "admin");
    private static final String PASSWORD = "Matrix-Pass-2026";
    /**
     * Operations that end the caller's session: they run on a session of their own. (The console's logout is a
     * Spring Security filter, not in the document today; listed so it stays harmless if it is ever documented.)
     */
    private static final Set<String> SESSION_ENDING = Set.of("POST /api/mini/auth/logout", "POST /api/console/auth/logout");
    /**
     * Bodies valid enough to reach the ownership check (validation answers before it, so {@code {}} would hide whether
     * operator B is refused); every other write sends {@code {}}.
     */
    private static final Map<String, Object> BODIES = Map.of(
            "PUT /api/mini/filings/{id}", Map.of("version", 0, "form", FilingForms.unitForm(FilingForms.newOriginalId())),
            "POST /api/mini/filings/{id}/submit", Map.of("version", 0),
            "POST /api/mini/filings/{id}/change-request", Map.of("version", 0, "form", FilingForms.unitForm(FilingForms.newOriginalId())),
            "POST /api/mini/filings/{id}/revoke", Map.of("version", 0, "reason", "授权矩阵"),
            "POST /api/mini/filings/{filingId}/materials/uploads", Map.of("materialType", "LICENCE", "fileName", "matrix.jpg",
                    "contentType", "image/jpeg", "size", 1000));
    /** Required query parameters (a missing one is not what the matrix is about). */
    private static final Map<String, String> QUERIES = Map.of("DELETE /api/console/admin/place-names", "?term=matrix-absent");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private Map<String, List<String>> table;
    private List<String> documented;
    private final Map<String, ConsoleClient> callers = new LinkedHashMap<>();
    private final Map<String, String> tokens = new LinkedHashMap<>();
    /** Path parameter values, by "path-prefix|name" (longest prefix wins) or by name alone. */
    private final Map<String, String> ids = new LinkedHashMap<>();

    @BeforeAll
    void prepare() throws IOException {
        table = readTable();
        documented = documentedOperations();
        prepareFixtures();
    }

    @Test
    void theTableListsExactlyTheDocumentedOperations() {
        List<String> missing = documented.stream().filter(operation -> !table.containsKey(operation)).toList();
        List<String> stale = table.keySet().stream().filter(operation -> !documented.contains(operation)).toList();
        assertThat(missing).as("operations of /v3/api-docs missing from " + TABLE + " (add a row per operation)").isEmpty();
        assertThat(stale).as("rows of " + TABLE + " that are no longer in /v3/api-docs (remove them)").isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everyOperationAsEveryCaller() {
        Stream<DynamicTest> missing = documented.stream().filter(operation -> !table.containsKey(operation))
                .map(operation -> DynamicTest.dynamicTest(operation + " is missing from " + TABLE,
                        () -> fail(operation + " is in /v3/api-docs but has no row in " + TABLE)));
        Stream<DynamicTest> cases = table.entrySet().stream().filter(row -> documented.contains(row.getKey()))
                .flatMap(row -> CALLERS.stream().map(caller -> {
                    String cell = row.getValue().get(CALLERS.indexOf(caller));
                    String shown = cell.startsWith("skip:") ? "skip" : cell.equals("ok") ? "ok" : cell;
                    return DynamicTest.dynamicTest(row.getKey() + " as " + caller + " → " + shown,
                            () -> check(row.getKey(), caller, cell));
                }));
        return Stream.concat(missing, cases);
    }

    private void check(String operation, String caller, String cell) {
        if (cell.startsWith("skip:")) {
            Assumptions.abort(cell.substring("skip:".length()).strip());
        }
        String method = operation.substring(0, operation.indexOf(' '));
        String path = fill(operation.substring(operation.indexOf(' ') + 1)) + QUERIES.getOrDefault(operation, "");
        ConsoleClient client = SESSION_ENDING.contains(operation) ? freshSession(caller) : callers.get(caller);
        ConsoleClient.Answer answer = switch (method) {
            case "GET" -> client.get(path);
            case "DELETE" -> client.send("DELETE", path);
            default -> client.sendRaw(method, path, json(BODIES.getOrDefault(operation, Map.of())));
        };
        String seen = operation + " as " + caller + " (" + path + ") answered " + answer.status() + ": " + answer.raw().body();
        switch (cell) {
            case "ok" -> {
                assertThat(answer.status()).as(seen).isNotIn(401, 403).isLessThan(500);
            }
            case "401" -> {
                assertThat(answer.status()).as(seen).isEqualTo(401);
                assertThat(answer.code()).as(seen).isIn("UNAUTHENTICATED", "TOKEN_EXPIRED");
            }
            case "403" -> {
                assertThat(answer.status()).as(seen).isEqualTo(403);
                if (answer.code() != null) {
                    assertThat(answer.code()).as("a role refusal, not a CSRF one: " + seen).isEqualTo("FORBIDDEN");
                }
            }
            default -> {
                if (!cell.matches("[1-5][0-9][0-9]")) {
                    fail("unknown cell '" + cell + "' for " + operation + " as " + caller + " in " + TABLE);
                }
                assertThat(answer.status()).as(seen).isEqualTo(Integer.parseInt(cell));
            }
        }
    }

    // ---------------------------------------------------------------- the table and the document

    private static Map<String, List<String>> readTable() throws IOException {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        try (InputStream in = AuthorisationMatrixIntegrationTest.class.getResourceAsStream(TABLE)) {
            assertThat(in).as(TABLE + " on the test class path").isNotNull();
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            boolean header = true;
            for (String line : lines) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                if (header) {
                    assertThat(List.of(cells).subList(1, cells.length)).as(TABLE + " header").isEqualTo(CALLERS);
                    header = false;
                    continue;
                }
                assertThat(cells).as("cells of: " + line).hasSize(CALLERS.size() + 1);
                List<String> values = new ArrayList<>();
                for (int i = 1; i < cells.length; i++) {
                    values.add(cells[i].strip());
                }
                assertThat(rows.put(cells[0].strip(), values)).as("duplicate row " + cells[0]).isNull();
            }
        }
        return rows;
    }

    @SuppressWarnings("unchecked")
    private List<String> documentedOperations() {
        var document = MiniApi.on(port).get("/v3/api-docs", null);
        assertThat(document.status()).isEqualTo(200);
        Set<String> operations = new LinkedHashSet<>();
        ((Map<String, Map<String, Object>>) document.get("paths")).forEach((path, item) -> item.keySet().stream()
                .filter(key -> Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace").contains(key))
                .forEach(method -> operations.add(method.toUpperCase() + " " + path)));
        return List.copyOf(operations);
    }

    // ---------------------------------------------------------------- fixtures

    private void prepareFixtures() {
        MiniApi api = MiniApi.on(port);
        MiniApi.Session a = api.loginWithConsent("matrix-a-" + run);
        MiniApi.Session b = api.loginWithConsent("matrix-b-" + run);
        tokens.put("operatorA", a.accessToken());
        tokens.put("operatorB", b.accessToken());

        // A's draft filing, one confirmed material, one open upload ticket, one inbox item
        long filing = created(api.post("/api/mini/filings", a.accessToken(), FilingForms.unitForm(FilingForms.newOriginalId())));
        MaterialUploads uploads = new MaterialUploads(api);
        long material = uploads.upload(a.accessToken(), filing, "LICENCE", TestFiles.jpeg(), "licence.jpg", "image/jpeg").id();
        var ticket = uploads.ticket(a.accessToken(), filing, "RESPONSIBLE_ID_FRONT", "front.jpg", "image/jpeg", TestFiles.jpeg().length);
        assertThat(ticket.status()).as(ticket.toString()).isEqualTo(201);
        jdbc.update("INSERT INTO inbox_item (operator_id, source_type, source_id, title, summary, created_at) "
                + "VALUES (?, 'POLICY', 999999999, '授权矩阵', '测试消息', NOW(3))", a.operatorId());
        long inboxItem = jdbc.queryForObject("SELECT MAX(id) FROM inbox_item WHERE operator_id = ?", Long.class, a.operatorId());

        // staff with one role each, and throw-away targets for the administrators' destructive calls
        ConsoleClient bootstrap = new ConsoleClient(port);
        assertThat(bootstrap.login("admin", IntegrationTest.ADMIN_PASSWORD).status()).isEqualTo(200);
        for (String role : List.of("REVIEWER", "PUBLISHER", "ADMIN")) {
            created(bootstrap.post("/api/console/admin/staff", Map.of("username", "matrix-" + role.toLowerCase() + run,
                    "displayName", role, "password", PASSWORD, "roles", List.of(role))));
        }
        long throwAwayStaff = created(bootstrap.post("/api/console/admin/staff", Map.of("username", "matrix-spare" + run,
                "displayName", "备用", "password", PASSWORD, "roles", List.of("REVIEWER"))));
        long campaign = created(bootstrap.post("/api/console/admin/campaigns", Map.of("name", "授权矩阵" + run,
                "startsOn", "2031-03-01", "endsOn", "2031-03-31", "countyCode", "411422")));

        callers.put("anonymous", anonymousClient());
        callers.put("operatorA", operatorClient(a.accessToken()));
        callers.put("operatorB", operatorClient(b.accessToken()));
        for (String role : List.of("reviewer", "publisher", "admin")) {
            callers.put(role, staffClient(role));
        }
        long push = created(callers.get("publisher").post("/api/console/pushes", Map.of("title", "授权矩阵通知",
                "summary", "只发给运营者甲", "bodyHtml", "<p>授权矩阵</p>",
                "audience", Map.of("kind", "LISTED", "operatorIds", List.of(a.operatorId())))));

        ids.put("/api/mini/filings/|id", String.valueOf(filing));
        ids.put("/api/mini/filings/|filingId", String.valueOf(filing));
        ids.put("/api/mini/filings/|materialId", String.valueOf(material));
        ids.put("/api/mini/filings/|ticketId", String.valueOf(ticket.get("ticketId")));
        ids.put("/api/mini/inbox/|id", String.valueOf(inboxItem));
        ids.put("/api/mini/inbox/|attachmentId", "999999999");
        ids.put("/api/mini/forms/|formType", "UNIT");
        ids.put("/api/console/registry/|id", String.valueOf(filing));
        ids.put("/api/console/review/|id", String.valueOf(filing));
        ids.put("/api/console/review/|materialId", String.valueOf(material));
        ids.put("/api/console/admin/staff/|id", String.valueOf(throwAwayStaff));
        ids.put("/api/console/admin/enforcement/|filingId", String.valueOf(filing));
        ids.put("/api/console/admin/campaigns/|id", String.valueOf(campaign));
        ids.put("/api/console/admin/counties/|code", "411422");
        ids.put("/api/console/admin/reminder-rules/|code", "NO_SUCH_RULE");
        ids.put("/api/console/admin/exports/|id", "0123456789abcdef0123456789abcdef");
        ids.put("/api/console/notifications/|id", "999999999");
        ids.put("/api/console/pushes/|id", String.valueOf(push));
        ids.put("/api/console/pushes/|attachmentId", "999999999");
        ids.put("/wechat/portal/|appid", WechatSimulator.MP_APP_ID);
    }

    private String fill(String template) {
        StringBuilder path = new StringBuilder();
        java.util.regex.Matcher parameter = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(template);
        while (parameter.find()) {
            String name = parameter.group(1);
            String value = ids.entrySet().stream()
                    .filter(e -> e.getKey().endsWith("|" + name) && template.startsWith(e.getKey().substring(0, e.getKey().indexOf('|'))))
                    .map(Map.Entry::getValue).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no fixture for {" + name + "} in " + template
                            + ": add one in AuthorisationMatrixIntegrationTest.prepareFixtures"));
            parameter.appendReplacement(path, value);
        }
        parameter.appendTail(path);
        return path.toString();
    }

    private ConsoleClient anonymousClient() {
        ConsoleClient client = new ConsoleClient(port);
        client.get("/api/console/auth/csrf");
        return client;
    }

    /** An operator's bearer token on every request, plus a CSRF token, so the console refuses for the right reason. */
    private ConsoleClient operatorClient(String token) {
        ConsoleClient client = new ConsoleClient(port).withHeader("Authorization", "Bearer " + token);
        client.get("/api/console/auth/csrf");
        return client;
    }

    private ConsoleClient staffClient(String role) {
        ConsoleClient client = new ConsoleClient(port);
        assertThat(client.login("matrix-" + role + run, PASSWORD).status()).isEqualTo(200);
        return client;
    }

    private ConsoleClient freshSession(String caller) {
        return switch (caller) {
            case "anonymous" -> anonymousClient();
            // a throw-away operator: logging out must not end A's or B's session
            case "operatorA", "operatorB" -> operatorClient(MiniApi.on(port).login("mx-out-" + caller + run).accessToken());
            default -> staffClient(caller);
        };
    }

    private static String json(Object body) {
        return JsonMapper.builder().build().writeValueAsString(body);
    }

    private static long created(MiniApi.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.id();
    }

    private static long created(ConsoleClient.Answer answer) {
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(201);
        return ((Number) answer.get("id")).longValue();
    }
}
