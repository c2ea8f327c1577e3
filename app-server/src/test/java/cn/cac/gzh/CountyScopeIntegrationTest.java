package cn.cac.gzh;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.cac.testsupport.ConsoleClient;
import cn.cac.testsupport.CountyStaff;
import cn.cac.testsupport.FilingForms;
import cn.cac.testsupport.IntegrationTest;
import cn.cac.testsupport.MiniApi;
import cn.cac.testsupport.SecondCounty;
import cn.cac.testsupport.Submissions;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A county office sees and decides only its own county's filings. Generated from {@code /v3/api-docs}: every console
 * operation whose path names a filing or a material is called by a 民权县 (411421) reviewer-administrator with the ids
 * of a 睢县 (411422) filing and must answer 404 and change nothing; the searches, the dashboard and the audit log
 * leave it out; the county's own filing and the city office (which sees both) are the controls.
 */
@IntegrationTest
class CountyScopeIntegrationTest {

    private static final String MINQUAN = SecondCounty.CODE;
    private static final String PASSWORD = "County-Scope-2026";
    /** A console path that names one filing or one material (the ids a county office must not reach across). */
    static final Pattern FILING_OR_MATERIAL = Pattern.compile(
            "/api/console.*(/filings/\\{(id|filingId)}|/registry/\\{id}|/materials/\\{materialId}).*");
    /** A console path that names one policy push. */
    static final Pattern PUSH = Pattern.compile("/api/console/pushes/\\{id}.*");
    /** A console path that names one staff account. */
    static final Pattern STAFF = Pattern.compile("/api/console/admin/staff/\\{id}.*");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    @SuppressWarnings("unchecked")
    void aCountyOfficeCannotReadOrChangeAnotherCountysFilingThroughAnyEndpoint() {
        SecondCounty.ensure(jdbc);
        MiniApi api = MiniApi.on(port);
        ConsoleClient city = new ConsoleClient(port);
        assertThat(city.login("admin", IntegrationTest.ADMIN_PASSWORD).status()).isEqualTo(200);
        String username = "mq" + UUID.randomUUID().toString().substring(0, 8);
        var created = city.post("/api/console/admin/staff", Map.of("username", username, "displayName", "民权县审核员",
                "password", PASSWORD, "roles", List.of("ADMIN", "REVIEWER", "PUBLISHER"), "scopeCode", MINQUAN));
        assertThat(created.status()).isEqualTo(201);
        ConsoleClient county = new ConsoleClient(port);
        assertThat(county.login(username, PASSWORD).status()).isEqualTo(200);
        assertThat(county.get("/api/console/auth/me").get("scopeCode")).isEqualTo(MINQUAN);

        String token = api.loginWithConsent("scope-" + UUID.randomUUID()).accessToken();
        String suiOriginalId = FilingForms.newOriginalId();
        long sui = Submissions.unitFiling(api, token, suiOriginalId, null);
        String minquanOriginalId = FilingForms.newOriginalId();
        long minquan = Submissions.unitFiling(api, token, minquanOriginalId, MINQUAN);
        assertThat(city.post("/api/console/admin/enforcement/filings/" + sui,
                Map.of("action", "PHONE_URGED", "actedOn", "2026-11-01")).status()).isEqualTo(201);
        long material = ((Number) ((List<Map<String, Object>>) city.get("/api/console/review/filings/" + sui).get("materials"))
                .get(0).get("id")).longValue();
        String before = state(sui);

        // every operation on one filing or material, as the other county's office
        var document = api.get("/v3/api-docs", null);
        List<String> checked = new ArrayList<>();
        ((Map<String, Map<String, Object>>) document.get("paths")).forEach((path, item) -> {
            if (!FILING_OR_MATERIAL.matcher(path).matches()) {
                return;
            }
            for (String method : item.keySet()) {
                String concrete = concrete(path, sui, material);
                var answer = switch (method) {
                    case "get" -> county.get(concrete);
                    case "post" -> county.post(concrete, bodyFor(path));
                    case "put" -> county.put(concrete, bodyFor(path));
                    default -> county.sendRaw(method.toUpperCase(), concrete, "{}");
                };
                assertThat(answer.status()).as("%s %s as another county's office", method.toUpperCase(), path).isEqualTo(404);
                assertThat(answer.code()).as("%s %s", method.toUpperCase(), path).isIn("FILING_NOT_FOUND", "MATERIAL_NOT_FOUND");
                checked.add(method.toUpperCase() + " " + path);
            }
        });
        assertThat(new TreeSet<>(checked)).as("the generated operations").contains(
                "GET /api/console/review/filings/{id}", "POST /api/console/review/filings/{id}/approve",
                "POST /api/console/review/filings/{id}/reject", "POST /api/console/review/filings/{id}/paper-received",
                "GET /api/console/registry/{id}", "GET /api/console/registry/{id}/notices",
                "GET /api/console/admin/enforcement/filings/{filingId}", "POST /api/console/admin/enforcement/filings/{filingId}",
                "POST /api/console/review/materials/{materialId}/link");
        assertThat(state(sui)).as("nothing of the other county's filing changed").isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'MATERIAL_DOWNLOAD_LINK' AND actor_id = ?",
                Integer.class, created.get("id"))).as("no link was issued").isZero();

        // searches leave it out; the county's own filing is there
        assertThat(total(county, "/api/console/registry?text=" + suiOriginalId)).isZero();
        assertThat(total(county, "/api/console/review/queue?text=" + suiOriginalId)).isZero();
        assertThat(total(county, "/api/console/review/queue?text=" + minquanOriginalId)).isEqualTo(1);
        assertThat(county.get("/api/console/review/filings/" + minquan).status()).isEqualTo(200);
        Map<String, Object> byStatus = (Map<String, Object>) county.get("/api/console/dashboard").get("byStatus");
        assertThat(((Number) byStatus.get("SUBMITTED")).intValue()).as("the county's dashboard counts its own filings only")
                .isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM filing WHERE county_code = ? AND status = 'SUBMITTED'",
                        Integer.class, MINQUAN));

        // an export runs as its requester: narrowed too
        assertThat(exportedRows(county, suiOriginalId)).as("the other county's filing in an export").isZero();
        assertThat(exportedRows(county, minquanOriginalId)).isEqualTo(1);

        // pushes: another county office's push is not there for it; a county office reaches its own county only
        ConsoleClient suiOffice = CountyStaff.signedIn(port, city, "411422", List.of("PUBLISHER"));
        var suiPush = suiOffice.post("/api/console/pushes", push("睢县政策", Map.of("kind", "APPROVED")));
        assertThat(suiPush.status()).isEqualTo(201);
        long pushId = ((Number) suiPush.get("id")).longValue();
        // its audit entries are its office's county's; the city office's push is city-wide
        assertThat(jdbc.queryForList("SELECT county_code FROM audit_log WHERE target_type = 'PUSH' AND target_id = ?",
                String.class, String.valueOf(pushId))).as("a county office's push in the audit log").containsExactly("411422");
        var cityPush = city.post("/api/console/pushes", push("全市政策", Map.of("kind", "APPROVED")));
        assertThat(cityPush.status()).isEqualTo(201);
        assertThat(jdbc.queryForList("SELECT county_code FROM audit_log WHERE target_type = 'PUSH' AND target_id = ?",
                String.class, String.valueOf(cityPush.get("id")))).as("the city office's push").containsExactly((String) null);
        String pushBefore = jdbc.queryForObject("SELECT CONCAT_WS('|', status, version, title, "
                + "(SELECT COUNT(*) FROM push_attachment WHERE push_id = p.id)) FROM push_message p WHERE id = ?", String.class, pushId);
        List<String> pushOperations = new ArrayList<>();
        ((Map<String, Map<String, Object>>) document.get("paths")).forEach((path, item) -> {
            if (!PUSH.matcher(path).matches()) {
                return;
            }
            for (String method : item.keySet()) {
                String concrete = path.replace("{id}", String.valueOf(pushId)).replace("{attachmentId}", "1");
                var answer = path.endsWith("/attachments") ? county.postFile(concrete, "file", "通知.pdf", "application/pdf",
                        "%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                        : switch (method) {
                            case "get" -> county.get(concrete);
                            case "post" -> county.post(concrete, pushBody(path));
                            case "put" -> county.put(concrete, pushBody(path));
                            default -> county.send(method.toUpperCase(), concrete);
                        };
                assertThat(answer.status()).as("%s %s as another county's office", method.toUpperCase(), path).isEqualTo(404);
                assertThat(answer.code()).as("%s %s", method.toUpperCase(), path).isEqualTo("PUSH_NOT_FOUND");
                pushOperations.add(method.toUpperCase() + " " + path);
            }
        });
        assertThat(pushOperations).as("the generated push operations").hasSizeGreaterThanOrEqualTo(10);
        assertThat(jdbc.queryForObject("SELECT CONCAT_WS('|', status, version, title, (SELECT COUNT(*) FROM push_attachment "
                + "WHERE push_id = p.id)) FROM push_message p WHERE id = ?", String.class, pushId)).isEqualTo(pushBefore);
        assertThat(((List<Map<String, Object>>) county.get("/api/console/pushes?size=100").get("items")).stream()
                .map(p -> ((Number) p.get("id")).longValue())).doesNotContain(pushId);
        for (Map<String, Object> audience : List.of(Map.<String, Object>of("kind", "FOLLOWERS"),
                Map.<String, Object>of("kind", "APPROVED", "counties", List.of("411422")),
                Map.<String, Object>of("kind", "LISTED", "operatorIds", List.of(1)))) {
            var refused = county.post("/api/console/pushes", push("越界推送", audience));
            assertThat(refused.status()).as("a county office addressing %s", audience).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("SCOPE_FORBIDDEN");
        }
        assertThat(county.post("/api/console/pushes", push("民权县政策", Map.of("kind", "APPROVED", "counties", List.of(MINQUAN))))
                .status()).isEqualTo(201);
        var unknown = city.post("/api/console/pushes", push("全市政策", Map.of("kind", "APPROVED", "counties", List.of("999999"))));
        assertThat(unknown.code()).isEqualTo("COUNTY_UNKNOWN");

        // staff accounts: another county's are not there for a county administrator
        long suiStaff = ((Number) suiOffice.get("/api/console/auth/me").get("id")).longValue();
        String staffBefore = jdbc.queryForObject("SELECT CONCAT_WS('|', display_name, enabled, password_hash) FROM staff_user WHERE id = ?",
                String.class, suiStaff);
        List<String> staffOperations = new ArrayList<>();
        ((Map<String, Map<String, Object>>) document.get("paths")).forEach((path, item) -> {
            if (!STAFF.matcher(path).matches()) {
                return;
            }
            for (String method : item.keySet()) {
                String concrete = path.replace("{id}", String.valueOf(suiStaff));
                var answer = switch (method) {
                    case "get" -> county.get(concrete);
                    case "post" -> county.post(concrete, Map.of("newPassword", "Another-Password-2026"));
                    case "put" -> county.put(concrete, Map.of("displayName", "改名", "enabled", false, "roles", List.of("PUBLISHER")));
                    default -> county.send(method.toUpperCase(), concrete);
                };
                assertThat(answer.status()).as("%s %s as another county's office", method.toUpperCase(), path).isEqualTo(404);
                assertThat(answer.code()).isEqualTo("STAFF_NOT_FOUND");
                staffOperations.add(method.toUpperCase() + " " + path);
            }
        });
        assertThat(staffOperations).as("the generated staff operations").isNotEmpty();
        assertThat(jdbc.queryForObject("SELECT CONCAT_WS('|', display_name, enabled, password_hash) FROM staff_user WHERE id = ?",
                String.class, suiStaff)).isEqualTo(staffBefore);
        List<Map<String, Object>> visibleStaff = (List<Map<String, Object>>) county.get("/api/console/admin/staff").get("items");
        assertThat(visibleStaff).extracting(m -> m.get("username")).contains(username).doesNotContain("admin");
        assertThat(visibleStaff).extracting(m -> ((Number) m.get("id")).longValue()).doesNotContain(suiStaff);

        // the audit log: the city office's act on the other county's material is that county's entry, not this one's
        assertThat(city.post("/api/console/review/materials/" + material + "/link", null).status()).isEqualTo(200);
        String materialEntries = "/api/console/admin/audit?targetType=MATERIAL_FILE&targetId=" + material;
        assertThat(total(county, materialEntries)).as("another county's audit entry").isZero();
        assertThat(total(city, materialEntries)).isEqualTo(1);
        assertThat(county.get("/api/console/admin/audit?county=411422").code()).isEqualTo("SCOPE_FORBIDDEN");
        assertThat(county.get("/api/console/admin/audit/verify").status()).isEqualTo(403);

        // the city office sees both
        assertThat(total(city, "/api/console/registry?text=" + suiOriginalId)).isEqualTo(1);
        assertThat(total(city, "/api/console/registry?text=" + minquanOriginalId)).isEqualTo(1);
        // and a county administrator cannot make a city account
        var escalation = county.post("/api/console/admin/staff", Map.of("username", "mqcity" + UUID.randomUUID().toString().substring(0, 6),
                "displayName", "越权", "password", PASSWORD, "roles", List.of("ADMIN"), "scopeCode", "411400"));
        assertThat(escalation.status()).isEqualTo(403);
        assertThat(escalation.code()).isEqualTo("SCOPE_FORBIDDEN");
    }

    /** Data rows of a registry export for one original ID, as {@code client} may export it. */
    private static int exportedRows(ConsoleClient client, String originalId) {
        var started = client.post("/api/console/admin/exports", Map.of("kind", "REGISTRY", "fullIdNumbers", false, "text", originalId));
        assertThat(started.status()).isEqualTo(202);
        String id = (String) started.get("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> "DONE".equals(client.get("/api/console/admin/exports/" + id).get("status")));
        HttpResponse<byte[]> download = client.download("/api/console/admin/exports/" + id + "/download");
        assertThat(download.statusCode()).isEqualTo(200);
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(download.body()))) {
            return workbook.getSheetAt(0).getLastRowNum();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, Object> push(String title, Map<String, Object> audience) {
        return Map.of("title", title, "summary", "摘要", "bodyHtml", "<p>正文</p>", "audience", audience,
                "channels", List.of("SUBSCRIBE"));
    }

    /** A body each push operation would accept for the office's own push, so that only the scope can refuse it. */
    private static Map<String, Object> pushBody(String path) {
        if (path.endsWith("/publish")) {
            return Map.of("version", 0);
        }
        if (path.endsWith("/test-send")) {
            return Map.of("operatorIds", List.of(1));
        }
        if (path.endsWith("/{id}")) {
            return Map.of("version", 0, "draft", push("改", Map.of("kind", "APPROVED")));
        }
        return Map.of();
    }

    private static String concrete(String path, long filing, long material) {
        Matcher parameter = Pattern.compile("\\{(\\w+)}").matcher(path);
        StringBuilder out = new StringBuilder();
        while (parameter.find()) {
            parameter.appendReplacement(out, String.valueOf("materialId".equals(parameter.group(1)) ? material : filing));
        }
        parameter.appendTail(out);
        return out.toString();
    }

    /** A body that would be accepted for the county's own filing, so that only the scope can refuse it. */
    private static Map<String, Object> bodyFor(String path) {
        if (path.endsWith("/reject")) {
            return Map.of("text", "请补充材料");
        }
        if (path.contains("/enforcement/")) {
            return Map.of("action", "PHONE_URGED", "actedOn", "2026-11-02");
        }
        return Map.of();
    }

    private String state(long filingId) {
        return jdbc.queryForObject("SELECT CONCAT_WS('|', status, version, COALESCE(paper_received_at, '-'), COALESCE(filing_number, '-'), "
                + "(SELECT COUNT(*) FROM filing_enforcement WHERE filing_id = f.id)) FROM filing f WHERE id = ?", String.class, filingId);
    }

    private static int total(ConsoleClient client, String path) {
        var answer = client.get(path);
        assertThat(answer.status()).as(path).isEqualTo(200);
        return ((Number) answer.get("total")).intValue();
    }
}
