package cn.cac.gzh.console;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.cac.testsupport.ConsoleClient;
import cn.cac.testsupport.FilingForms;
import cn.cac.testsupport.IntegrationTest;
import cn.cac.testsupport.MaterialUploads;
import cn.cac.testsupport.MiniApi;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/** A reviewer's and an administrator's day in the console, over HTTP with session cookies and CSRF. */
@IntegrationTest
class ConsoleWorkflowIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    MiniApi api;
    ConsoleClient admin;
    String operatorToken;
    String marker;

    @BeforeEach
    void setUp() {
        api = MiniApi.on(port);
        admin = new ConsoleClient(port);
        assertThat(admin.login("admin", IntegrationTest.ADMIN_PASSWORD).status()).isEqualTo(200);
        operatorToken = api.loginWithConsent("workflow-" + UUID.randomUUID()).accessToken();
        marker = "审" + UUID.randomUUID().toString().substring(0, 6);
    }

    @Test
    @SuppressWarnings("unchecked")
    void reviewQueueDetailMaterialsApproveRejectAndPaper() throws Exception {
        long first = submittedFiling(marker + "甲");
        long second = submittedFiling(marker + "乙");

        var queue = admin.get("/api/console/review/queue?size=100");
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.get("items").toString()).contains(marker + "甲", marker + "乙");
        var filtered = admin.get("/api/console/review/queue?text=" + java.net.URLEncoder.encode(marker + "甲", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(((Number) filtered.get("total")).intValue()).isEqualTo(1);

        var detail = admin.get("/api/console/review/filings/" + first);
        Map<String, Object> filing = (Map<String, Object>) detail.get("filing");
        assertThat(filing.get("status")).isEqualTo("SUBMITTED");
        assertThat(filing.toString()).contains("110***********002X").doesNotContain("11010519491231002X");
        List<Map<String, Object>> materials = (List<Map<String, Object>>) detail.get("materials");
        assertThat(materials).hasSize(6);

        var link = admin.post("/api/console/review/materials/" + materials.get(0).get("id") + "/link", null);
        assertThat(link.status()).isEqualTo(200);
        HttpResponse<byte[]> file = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create((String) link.get("url"))).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'MATERIAL_DOWNLOAD_LINK' AND target_id = ?",
                Integer.class, String.valueOf(materials.get(0).get("id")))).isEqualTo(1);

        var approved = admin.post("/api/console/review/filings/" + first + "/approve", null);
        assertThat(approved.status()).isEqualTo(200);
        assertThat((String) approved.get("filingNumber")).matches("411422-\\d{4}-\\d{5}");
        assertThat(admin.post("/api/console/review/filings/" + first + "/approve", null).code()).isEqualTo("ILLEGAL_TRANSITION");

        var templates = admin.get("/api/console/review/reason-templates");
        Map<String, Object> template = ((List<Map<String, Object>>) templates.get("items")).get(0);
        assertThat(admin.post("/api/console/review/filings/" + second + "/reject", Map.of()).code()).isEqualTo("REASON_REQUIRED");
        var rejected = admin.post("/api/console/review/filings/" + second + "/reject",
                Map.of("templateId", template.get("id"), "text", "请重新拍摄"));
        assertThat(rejected.status()).isEqualTo(200);
        var operatorView = api.get("/api/mini/filings/" + second, operatorToken);
        assertThat(operatorView.get("status")).isEqualTo("REJECTED");
        assertThat(operatorView.get("rejectionReason")).isEqualTo(template.get("text") + "；请重新拍摄");

        assertThat(admin.post("/api/console/review/filings/" + first + "/paper-received", null).status()).isEqualTo(204);
        Map<String, Object> afterPaper = (Map<String, Object>) admin.get("/api/console/review/filings/" + first).get("filing");
        assertThat(afterPaper.get("paperReceivedAt")).isNotNull();
        assertThat(admin.post("/api/console/review/filings/" + second + "/paper-received", null).code())
                .isEqualTo("ILLEGAL_TRANSITION");
    }

    @Test
    @SuppressWarnings("unchecked")
    void registrySearchFiltersPagesAndSorts() {
        for (int i = 0; i < 5; i++) {
            Map<String, Object> form = FilingForms.unitForm(FilingForms.newOriginalId());
            FilingForms.section(form, "account").put("name", marker + "号" + i);
            FilingForms.section(form, "account").put("township", i % 2 == 0 ? "蓼堤镇" : "周堂镇");
            api.post("/api/mini/filings", operatorToken, form);
        }

        var all = admin.get("/api/console/registry?text=" + marker + "&size=2&page=1&sort=accountName");
        assertThat(((Number) all.get("total")).intValue()).isEqualTo(5);
        List<Map<String, Object>> page1 = (List<Map<String, Object>>) all.get("items");
        assertThat(page1).extracting(r -> r.get("accountName")).containsExactly(marker + "号0", marker + "号1");
        var page3 = admin.get("/api/console/registry?text=" + marker + "&size=2&page=3&sort=-accountName");
        assertThat((List<Map<String, Object>>) page3.get("items")).extracting(r -> r.get("accountName")).containsExactly(marker + "号0");
        // a page is found by id, then its rows read by id: the page keeps the sort's order and every column
        var page2 = admin.get("/api/console/registry?text=" + marker + "&size=2&page=2&sort=-accountName");
        assertThat((List<Map<String, Object>>) page2.get("items")).extracting(r -> r.get("accountName"), r -> r.get("township"))
                .containsExactly(tuple(marker + "号2", "蓼堤镇"), tuple(marker + "号1", "周堂镇"));
        var township = admin.get("/api/console/registry?text=" + marker + "&township=蓼堤镇");
        assertThat(((Number) township.get("total")).intValue()).isEqualTo(3);
        var overdue = admin.get("/api/console/registry?text=" + marker + "&overdue=true");
        assertThat(((Number) overdue.get("total")).intValue()).as("opened 2016, still drafts").isEqualTo(5);
        var wildcard = admin.get("/api/console/registry?text=%25");
        assertThat(((Number) wildcard.get("total")).intValue()).as("% is a character, not a wildcard").isZero();
        assertThat(admin.get("/api/console/registry?sort=password").code()).isEqualTo("SORT_NOT_SUPPORTED");

        var dashboard = admin.get("/api/console/dashboard");
        assertThat(((Number) dashboard.get("total")).longValue()).isGreaterThanOrEqualTo(5);
        assertThat(((Map<String, Object>) dashboard.get("byTownship"))).containsKeys("蓼堤镇", "周堂镇");
        assertThat(((Number) dashboard.get("overdue")).longValue()).isGreaterThanOrEqualTo(5);
    }

    @Test
    @SuppressWarnings("unchecked")
    void enforcementRecordsAndExportsWithNeutralisedCellsAndMaskedNumbers() throws Exception {
        Map<String, Object> form = FilingForms.unitForm(FilingForms.newOriginalId());
        FilingForms.section(form, "account").put("name", "=HYPERLINK(\"http://evil\")" + marker);
        long overdueId = api.post("/api/mini/filings", operatorToken, form).id();

        // the shared test database holds many overdue drafts of other tests: look through every page
        StringBuilder overdueItems = new StringBuilder();
        for (int page = 1; !overdueItems.toString().contains(marker) && page <= 50; page++) {
            var overdueList = admin.get("/api/console/admin/enforcement/overdue?size=100&page=" + page);
            overdueItems.append(overdueList.get("items"));
            if (((List<?>) overdueList.get("items")).isEmpty()) {
                break;
            }
        }
        assertThat(overdueItems.toString()).contains(marker);
        var recorded = admin.post("/api/console/admin/enforcement/filings/" + overdueId,
                Map.of("action", "PHONE_URGED", "actedOn", "2026-11-01", "note", "已电话督促，承诺一周内备案"));
        assertThat(recorded.status()).isEqualTo(201);
        assertThat(recorded.get("actionLabel")).isEqualTo("电话督促");
        var future = admin.post("/api/console/admin/enforcement/filings/" + overdueId,
                Map.of("action", "SUSPENDED", "actedOn", "2999-01-01"));
        assertThat(future.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(admin.get("/api/console/admin/enforcement/filings/" + overdueId).get("items").toString()).contains("电话督促");

        Sheet masked = export(Map.of("kind", "ENFORCEMENT", "fullIdNumbers", false, "text", "="));
        Row row = findRow(masked, marker);
        assertThat(row.getCell(2).getStringCellValue()).as("formula neutralised").startsWith("'=HYPERLINK");
        assertThat(row.getCell(13).getStringCellValue()).isEqualTo("110***********002X");
        assertThat(row.getCell(26).getStringCellValue()).contains("电话督促");
        assertThat(masked.getRow(0).getCell(0).getStringCellValue()).isEqualTo("备案编号");

        Sheet full = export(Map.of("kind", "REGISTRY", "fullIdNumbers", true, "text", "="));
        assertThat(findRow(full, marker).getCell(13).getStringCellValue()).isEqualTo(FilingForms.RESPONSIBLE_ID);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'EXPORT_WITH_FULL_ID_NUMBERS'", Integer.class))
                .isGreaterThanOrEqualTo(1);
    }

    @SuppressWarnings("unchecked")
    private Sheet export(Map<String, Object> request) throws Exception {
        var started = admin.post("/api/console/admin/exports", request);
        assertThat(started.status()).isEqualTo(202);
        String id = (String) started.get("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> "DONE".equals(admin.get("/api/console/admin/exports/" + id).get("status")));
        var progress = admin.get("/api/console/admin/exports/" + id);
        assertThat(progress.get("progress")).isEqualTo(100);
        HttpResponse<byte[]> file = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/console/admin/exports/" + id + "/download"))
                        .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).as("not signed in").isEqualTo(401);
        HttpResponse<byte[]> download = admin.download("/api/console/admin/exports/" + id + "/download");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).contains(".xlsx");
        return new XSSFWorkbook(new ByteArrayInputStream(download.body())).getSheetAt(0);
    }

    private static Row findRow(Sheet sheet, String marker) {
        for (Row row : sheet) {
            if (row.getCell(2) != null && row.getCell(2).getStringCellValue().contains(marker)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + marker);
    }

    private long submittedFiling(String name) {
        Map<String, Object> form = FilingForms.unitForm(FilingForms.newOriginalId());
        FilingForms.section(form, "account").put("name", name);
        var created = api.post("/api/mini/filings", operatorToken, form);
        new MaterialUploads(api).completeChecklist(operatorToken, created.id(), "UNIT");
        var submitted = api.post("/api/mini/filings/" + created.id() + "/submit", operatorToken, Map.of("version", created.version()));
        assertThat(submitted.get("status")).isEqualTo("SUBMITTED");
        return created.id();
    }
}
