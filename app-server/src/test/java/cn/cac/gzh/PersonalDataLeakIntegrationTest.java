package cn.cac.gzh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import cn.cac.testsupport.ConsoleClient;
import cn.cac.testsupport.FilingForms;
import cn.cac.testsupport.IntegrationTest;
import cn.cac.testsupport.MaterialUploads;
import cn.cac.testsupport.MiniApi;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 13 (8): the operator's journey, the console's review, registry and export, and a policy push, with
 * every log line and every answer body captured; no test ID number and no full phone number may appear in
 * them, except in the audited places listed in {@link #AUDITED_EXCEPTIONS}.
 */
@IntegrationTest
class PersonalDataLeakIntegrationTest {

    /** The test's personal data: the ID numbers of {@link FilingForms} and the phones used in the forms and the binding. */
    static final List<String> SECRETS = List.of(FilingForms.RESPONSIBLE_ID, FilingForms.ADMIN_ID, "13912345678", "13812345678",
            "13712345678");

    /**
     * Answers that show full numbers on purpose (docs/filing.md, docs/console.md), not scanned:
     * <ul>
     * <li>{@code /api/mini/filings/{id}/form.pdf}: the printable 表一/表二 for its owner to sign and hand in on paper —
     * the paper form must carry the full ID numbers and phones; only the filing's operator may download it.</li>
     * <li>{@code /api/console/admin/exports/{id}/download} of an export asked with {@code fullIdNumbers=true}: an
     * administrator's registry export with full ID numbers, recorded as {@code EXPORT_WITH_FULL_ID_NUMBERS} in the
     * audit log (the masked export is scanned like any answer — as an .xlsx its bytes are compressed, so the test
     * also reads its cells).</li>
     * <li>Material files ({@code /materials/{id}/content}, presigned storage links): photos of ID cards, opened
     * only by their operator or by staff through an audited link ({@code MATERIAL_DOWNLOAD_LINK}).</li>
     * </ul>
     * The staff filing detail and the registry show masked numbers like the operator's own view.
     */
    static final List<String> AUDITED_EXCEPTIONS = List.of("/form.pdf", "/api/console/admin/exports/", "/content");

    record Captured(String request, String contentType, String body) {
    }

    static final List<Captured> ANSWERS = new CopyOnWriteArrayList<>();

    @TestConfiguration
    static class ResponseCapture {

        @Bean
        FilterRegistrationBean<OncePerRequestFilter> responseCaptureFilter() {
            OncePerRequestFilter filter = new OncePerRequestFilter() {
                @Override
                protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                        throws ServletException, IOException {
                    ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
                    try {
                        chain.doFilter(request, wrapper);
                    } finally {
                        ANSWERS.add(new Captured(request.getMethod() + " " + request.getRequestURI()
                                + (request.getQueryString() == null ? "" : "?" + request.getQueryString()),
                                String.valueOf(wrapper.getContentType()),
                                new String(wrapper.getContentAsByteArray(), StandardCharsets.UTF_8)));
                        wrapper.copyBodyToResponse();
                    }
                }
            };
            FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }

    static final class Capture extends AppenderBase<ILoggingEvent> {

        final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        protected void append(ILoggingEvent event) {
            String line = event.getLoggerName() + " " + event.getFormattedMessage() + " " + event.getMDCPropertyMap()
                    + (event.getThrowableProxy() == null ? "" : " " + ThrowableProxyUtil.asString(event.getThrowableProxy()));
            lines.add(line);
        }
    }

    @LocalServerPort
    int port;

    MiniApi api;
    ConsoleClient admin;
    Capture logs;
    Logger root;

    @BeforeEach
    void capture() {
        root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logs = new Capture();
        logs.setContext(root.getLoggerContext());
        logs.start();
        root.addAppender(logs);
        ANSWERS.clear();
        api = MiniApi.on(port);
        admin = new ConsoleClient(port);
    }

    @AfterEach
    void release() {
        root.detachAppender(logs);
        logs.stop();
    }

    @Test
    @SuppressWarnings("unchecked")
    void noIdNumberAndNoPhoneInAnyLogLineOrAnswer() throws Exception {
        String marker = "泄" + UUID.randomUUID().toString().substring(0, 6);
        // operator: login with consent, phone binding, 表一 and 表二 with materials, submit, printable form
        MiniApi.Session operator = api.loginWithConsent("leak-" + UUID.randomUUID());
        String token = operator.accessToken();
        var phone = api.post("/api/mini/me/phone", token, Map.of("code", "phone-13912345678"));
        assertThat(phone.status()).isEqualTo(200);
        assertThat(phone.get("phone")).isEqualTo("139****5678");
        api.get("/api/mini/me", token);

        Map<String, Object> unit = FilingForms.unitForm(FilingForms.newOriginalId());
        FilingForms.section(unit, "account").put("name", marker + "单位");
        var unitFiling = api.post("/api/mini/filings", token, unit);
        assertThat(unitFiling.status()).isEqualTo(201);
        new MaterialUploads(api).completeChecklist(token, unitFiling.id(), "UNIT");
        assertThat(api.post("/api/mini/filings/" + unitFiling.id() + "/submit", token, Map.of("version", unitFiling.version()))
                .get("status")).isEqualTo("SUBMITTED");

        Map<String, Object> person = FilingForms.individualForm(FilingForms.newOriginalId());
        FilingForms.section(person, "account").put("name", marker + "个人");
        var personFiling = api.post("/api/mini/filings", token, person);
        assertThat(personFiling.status()).isEqualTo(201);
        new MaterialUploads(api).completeChecklist(token, personFiling.id(), "INDIVIDUAL");
        assertThat(api.post("/api/mini/filings/" + personFiling.id() + "/submit", token, Map.of("version", personFiling.version()))
                .get("status")).isEqualTo("SUBMITTED");
        api.get("/api/mini/filings", token);
        api.get("/api/mini/filings/" + unitFiling.id(), token);
        api.get("/api/mini/filings/" + personFiling.id(), token);
        api.get("/api/mini/filings/" + unitFiling.id() + "/materials", token);
        assertThat(api.download("/api/mini/filings/" + unitFiling.id() + "/form.pdf", token).status()).isEqualTo(200);
        // a rejected input echoes nothing either
        Map<String, Object> wrong = FilingForms.unitForm(FilingForms.newOriginalId());
        ((Map<String, Object>) FilingForms.section(wrong, "unit", "responsiblePerson")).put("idNumber", "11010519491231002Y");
        assertThat(api.post("/api/mini/filings", token, wrong).status()).isEqualTo(400);

        // console: queue, detail, material link, registry search by name and by ID number, approve, reject, export
        assertThat(admin.login("admin", IntegrationTest.ADMIN_PASSWORD).status()).isEqualTo(200);
        admin.get("/api/console/review/queue?size=100");
        var detail = admin.get("/api/console/review/filings/" + unitFiling.id());
        assertThat(detail.status()).isEqualTo(200);
        admin.get("/api/console/review/filings/" + personFiling.id());
        List<Map<String, Object>> materials = (List<Map<String, Object>>) detail.get("materials");
        admin.post("/api/console/review/materials/" + materials.get(0).get("id") + "/link", null);
        admin.get("/api/console/registry?text=" + java.net.URLEncoder.encode(marker, StandardCharsets.UTF_8));
        admin.get("/api/console/registry?text=" + FilingForms.RESPONSIBLE_ID);
        admin.get("/api/console/registry?text=13912345678");
        admin.get("/api/console/registry/" + unitFiling.id());
        admin.get("/api/console/dashboard");
        assertThat(admin.post("/api/console/review/filings/" + unitFiling.id() + "/approve", null).status()).isEqualTo(200);
        var templates = admin.get("/api/console/review/reason-templates");
        Object templateId = ((List<Map<String, Object>>) templates.get("items")).get(0).get("id");
        assertThat(admin.post("/api/console/review/filings/" + personFiling.id() + "/reject",
                Map.of("templateId", templateId, "text", "请重新拍摄")).status()).isEqualTo(200);
        api.get("/api/mini/filings/" + personFiling.id(), token);
        var export = admin.post("/api/console/admin/exports", Map.of("kind", "REGISTRY", "fullIdNumbers", false, "text", marker));
        assertThat(export.status()).isEqualTo(202);
        String exportId = (String) export.get("id");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "DONE".equals(admin.get("/api/console/admin/exports/" + exportId).get("status")));
        var sheet = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(
                admin.download("/api/console/admin/exports/" + exportId + "/download").body())).getSheetAt(0);
        StringBuilder cells = new StringBuilder();
        sheet.forEach(row -> row.forEach(cell -> cells.append(cell.toString()).append('|')));
        assertThat(cells).as("masked export").contains(marker);
        SECRETS.forEach(secret -> assertThat(cells.toString()).as("masked export").doesNotContain(secret));

        // the audited exception: an administrator's export with full numbers shows them (ID numbers and phones)
        var full = admin.post("/api/console/admin/exports", Map.of("kind", "REGISTRY", "fullIdNumbers", true, "text", marker));
        String fullId = (String) full.get("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> "DONE".equals(admin.get("/api/console/admin/exports/" + fullId).get("status")));
        StringBuilder fullCells = new StringBuilder();
        new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(
                admin.download("/api/console/admin/exports/" + fullId + "/download").body())).getSheetAt(0)
                .forEach(row -> row.forEach(cell -> fullCells.append(cell.toString()).append('|')));
        assertThat(fullCells.toString()).contains(FilingForms.RESPONSIBLE_ID, "13912345678");

        // a policy push to this operator, read in the inbox
        var push = admin.post("/api/console/pushes", Map.of("title", marker + "通知", "summary", "请阅读", "bodyHtml", "<p>内容</p>",
                "audience", Map.of("kind", "LISTED", "operatorIds", List.of(operator.operatorId())), "channels", List.of()));
        assertThat(push.status()).isEqualTo(201);
        long pushId = ((Number) push.get("id")).longValue();
        admin.post("/api/console/pushes/" + pushId + "/publish", Map.of("version", push.get("version")));
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(admin.get("/api/console/pushes/" + pushId).get("status")));
        var inbox = api.get("/api/mini/inbox", token);
        long itemId = ((Number) ((List<Map<String, Object>>) inbox.get("items")).get(0).get("id")).longValue();
        api.get("/api/mini/inbox/" + itemId, token);
        admin.download("/api/console/pushes/" + pushId + "/unread.csv");
        admin.get("/api/console/admin/audit?size=100");

        List<String> leaks = new ArrayList<>();
        for (Captured answer : ANSWERS) {
            if (AUDITED_EXCEPTIONS.stream().anyMatch(answer.request()::contains)) {
                continue;
            }
            for (String secret : SECRETS) {
                if (answer.body().contains(secret)) {
                    leaks.add("answer " + answer.request() + " (" + answer.contentType() + ") shows " + secret);
                }
            }
        }
        for (String line : logs.lines) {
            for (String secret : SECRETS) {
                if (line.contains(secret)) {
                    leaks.add("log line shows " + secret + ": " + line);
                }
            }
        }
        // the capture works: answer bodies and the application's own log lines are there
        assertThat(ANSWERS).as("answers captured").hasSizeGreaterThan(30)
                .anySatisfy(a -> assertThat(a.body()).contains("139****5678"));
        assertThat(logs.lines).as("log lines captured").anySatisfy(line -> assertThat(line).startsWith("cn.cac.gzh."));
        assertThat(leaks).isEmpty();
    }
}
