package cn.cac.gzh.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.cac.devservices.DevServicesInitializer;
import cn.cac.devservices.SimulatedDocuments;
import cn.cac.testsupport.ConsoleClient;
import cn.cac.testsupport.FilingForms;
import cn.cac.testsupport.IntegrationTest;
import cn.cac.testsupport.MaterialUploads;
import cn.cac.testsupport.MiniApi;
import cn.cac.testsupport.SecondCounty;
import cn.cac.testsupport.TestFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The screenshots of the user guides (docs/guide/*.md): a little fictitious data made through the real APIs (filings
 * submitted, approved, sent back and left overdue from the mini-program's API, a policy push composed and sent in the
 * console and read by an operator), then the console's main pages as a clerk sees them, each checked for what the
 * guide says it shows.
 * <p>
 * Screenshots always land in target/screenshots/guide-*.png. With {@code -Ddocs.screenshots=true} they are also
 * copied to docs/images/, where the guides link them; run the class alone then (on a fresh test database the pages
 * show only this data — the class runs on private twins, so they always do):
 * {@code mvn -B test -pl app-server -Dtest=GuideScreenshotsBrowserTest -Ddocs.screenshots=true -Dsurefire.failIfNoSpecifiedTests=false}.
 * An ordinary test run leaves docs/ alone.
 */
@IntegrationTest
// a database of its own (a fresh one, as for renewing the screenshots): the pages show this test's data only, whatever
// other tests left in the shared one
@TestPropertySource(properties = DevServicesInitializer.PRIVATE_TWINS + "=true")
class GuideScreenshotsBrowserTest extends ConsoleBrowserSupport {

    private static final String ADMIN = "admin";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    MiniApi api;
    ConsoleClient console;

    @BeforeAll
    void start() {
        // before the console first reads the counties, so the staff and county pages show the city with two counties
        SecondCounty.ensure(jdbc);
        browser = new ConsoleBrowser(port);
        api = MiniApi.on(port);
        console = new ConsoleClient(port);
        assertThat(console.login(ADMIN, IntegrationTest.ADMIN_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void theConsolePagesTheGuidesShow() {
        // ---------------------------------------------------------------- data, through the real APIs
        String first = api.loginWithConsent("guide-a-" + UUID.randomUUID()).accessToken();
        String second = api.loginWithConsent("guide-b-" + UUID.randomUUID()).accessToken();
        MiniApi.Session reader = api.loginWithConsent("guide-c-" + UUID.randomUUID());

        long detail = submittedWithReadablePhotos(first, "示例便民服务", "示例县便民服务中心", "城关回族镇");
        // opened a few days ago: still within its 30 days, a draft that is not overdue
        Map<String, Object> recent = form("示例乡村文旅", "示例乡村文旅发展中心", "蓼堤镇");
        FilingForms.section(recent, "account").put("openedOn", LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(5).toString());
        assertThat(api.post("/api/mini/filings", first, recent).status()).isEqualTo(201);
        submitted(second, "示例周堂农技", "示例周堂农技服务站", "周堂镇");
        long approved = submitted(reader.accessToken(), "示例河集资讯", "示例河集文化站", "河集乡");
        long rejected = submitted(second, "示例白庙乡风", "示例白庙文化站", "白庙乡");
        long overdue = draft(second, "示例西陵寺动态", "西陵寺镇");
        draft(first, "示例蓼堤生活", "蓼堤镇");

        assertThat(console.post("/api/console/review/filings/" + approved + "/approve", Map.of()).status()).isEqualTo(200);
        assertThat(console.post("/api/console/review/filings/" + rejected + "/reject",
                Map.of("text", "营业执照照片不清晰，请重新拍摄后上传")).status()).isEqualTo(200);
        createStaff("shenhe01", "示例审核员", List.of("REVIEWER"), null);
        createStaff("fabu01", "示例发布员", List.of("PUBLISHER"), null);
        createStaff("minquan01", "示例县级管理员", List.of("ADMIN", "REVIEWER"), SecondCounty.CODE);
        awaitChecksDone(detail);

        // ---------------------------------------------------------------- sign-in and dashboard
        browser.openSignedOut();
        assertThat(browser.driver.getTitle()).contains("登录");
        save("guide-sign-in");

        browser.signIn(ADMIN, IntegrationTest.ADMIN_PASSWORD);
        browser.visible(By.cssSelector(".stat"));
        assertThat(browser.driver.findElement(By.cssSelector(".charts")).getText()).contains("按状态", "按乡镇（办事处）");
        browser.waitForText(By.id("view"), "各县（区）情况");
        save("guide-dashboard");

        // ---------------------------------------------------------------- review
        browser.navigate("待审核");
        browser.waitForText(By.cssSelector("#view table.data"), "示例周堂农技");
        assertThat(String.join("\n", browser.rows())).contains("示例便民服务").doesNotContain("示例河集资讯");
        save("guide-review-queue");

        browser.click(By.xpath("//table[contains(@class,'data')]//a[normalize-space()='示例便民服务" + "']"));
        String page = browser.waitForText(By.id("view"), "材料清单");
        assertThat(page).contains("公众号信息", "单位信息", "状态记录", "已核对", "110***********002X")
                .doesNotContain(FilingForms.RESPONSIBLE_ID);
        browser.visible(By.id("approve"));
        save("guide-filing-detail");

        browser.click(By.id("reject"));
        new Select(browser.visible(By.id("reject-template"))).selectByIndex(1);
        browser.type(By.id("reject-text"), "请补充上传管理员身份证国徽面");
        save("guide-reject");

        // ---------------------------------------------------------------- registry and enforcement
        browser.navigate("台账");
        browser.type(By.id("filter-text"), "示例");
        browser.click(By.id("filter-submit"));
        browser.waitForText(By.cssSelector(".pager-info"), "共 7 条");
        assertThat(String.join("\n", browser.rows())).contains("已备案", "已退回", "待审核", "草稿");
        save("guide-registry");

        browser.navigate("逾期处置");
        browser.waitForText(By.cssSelector("#view table.data"), "示例西陵寺动态");
        browser.click(By.cssSelector("button[data-enforce='" + overdue + "']"));
        browser.waitForText(By.id("enforcement-panel"), "尚无处置记录");
        new Select(browser.visible(By.id("enforce-action"))).selectByVisibleText("电话督促");
        browser.type(By.id("enforce-note"), "已电话联系管理员，承诺一周内提交");
        browser.click(By.id("enforce-submit"));
        browser.waitForText(By.id("enforcement-panel"), "已登记处置措施");
        save("guide-enforcement");

        // ---------------------------------------------------------------- a policy push, sent and read
        browser.navigate("政策推送");
        browser.click(By.id("push-new"));
        browser.waitForText(By.cssSelector("#view h2"), "新建推送");
        String title = "关于核对公众号备案信息的通知（示例）";
        browser.type(By.id("push-title"), title);
        browser.type(By.id("push-summary"), "请各公众号运营者于本月底前核对备案信息。");
        browser.visible(By.id("push-body")).click();
        browser.visible(By.id("push-body")).sendKeys("请登录小程序，在“我的公众号”中核对备案信息，如有变化请提交变更。");
        assertThat(browser.driver.findElement(By.id("push-audience-approved")).isSelected()).isTrue();
        browser.click(By.id("push-save"));
        browser.waitForText(By.id("push-message"), "已保存草稿");
        save("guide-push-compose");

        browser.click(By.id("push-send"));
        browser.waitForText(By.id("push-send-confirm-row"), "将立即发送给");
        browser.click(By.id("push-send-confirm"));
        browser.until(d -> d.getCurrentUrl().matches(".*#/push/\\d+$"));
        browser.waitForText(By.id("push-progress-state"), "已完成");
        readInboxItem(reader.accessToken(), title);
        browser.click(By.id("push-progress-refresh"));
        browser.until(d -> "1".equals(d.findElement(By.cssSelector("[data-channel=INBOX] [data-key=read] .legend-value")).getText()));
        save("guide-push-detail");

        // ---------------------------------------------------------------- administration
        browser.navigate("提醒规则");
        assertThat(browser.waitForText(By.id("view"), "逾期通知")).contains("集中登记截止提醒", "新开通账号30日内备案提醒");
        save("guide-reminder-rules");

        browser.navigate("审计日志");
        browser.waitForText(By.cssSelector("#view table.data"), "PUSH_PUBLISHED");
        browser.click(By.id("audit-verify"));
        browser.waitForText(By.id("audit-verify-result"), "审计链完整");
        save("guide-audit-log");

        browser.navigate("工作人员");
        assertThat(browser.waitForText(By.cssSelector("#view table.data"), "示例县级管理员")).contains("民权县", "审核员", "发布员");
        save("guide-staff");

        browser.navigate("县（区）与地名");
        assertThat(browser.waitForText(By.id("view"), "民权县")).contains("睢县");
        // the window only: the dictionary below runs to several screens
        save("guide-counties", saveWindow("guide-counties"));
    }

    // ------------------------------------------------------------------ helpers

    /** The whole page as target/screenshots/{name}.png, and docs/images/{name}.png when asked for. */
    private void save(String name) {
        save(name, browser.screenshot(name));
    }

    private Path saveWindow(String name) {
        try {
            Path file = Files.createDirectories(ConsoleBrowser.SCREENSHOTS).resolve(name + ".png");
            Files.write(file, browser.driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void save(String name, Path shot) {
        DocumentationImages.keep(shot, name);
    }

    private void createStaff(String username, String displayName, List<String> roles, String scopeCode) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("username", username, "displayName", displayName,
                "password", "Guide-Pass-2026", "roles", roles));
        if (scopeCode != null) {
            body.put("scopeCode", scopeCode);
        }
        assertThat(console.post("/api/console/admin/staff", body).status()).isEqualTo(201);
    }

    private Map<String, Object> form(String accountName, String unitName, String township) {
        Map<String, Object> form = FilingForms.unitForm(FilingForms.newOriginalId());
        FilingForms.section(form, "account").put("name", accountName);
        FilingForms.section(form, "account").put("township", township);
        FilingForms.section(form, "unit").put("name", unitName);
        return form;
    }

    private long draft(String token, String accountName, String township) {
        var created = api.post("/api/mini/filings", token, form(accountName, "示例" + township + "文化站", township));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.id();
    }

    private long submitted(String token, String accountName, String unitName, String township) {
        var created = api.post("/api/mini/filings", token, form(accountName, unitName, township));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        new MaterialUploads(api).completeChecklist(token, created.id(), "UNIT");
        return submit(token, created);
    }

    /** A filing whose ID cards and licence the WeChat simulator reads as what the form says (the check: 一致). */
    private long submittedWithReadablePhotos(String token, String accountName, String unitName, String township) {
        Map<String, Object> form = form(accountName, unitName, township);
        var created = api.post("/api/mini/filings", token, form);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        Map<String, Object> responsible = FilingForms.section(form, "unit", "responsiblePerson");
        Map<String, Object> admin = FilingForms.section(form, "unit", "administrator");
        MaterialUploads uploads = new MaterialUploads(api);
        Map<String, byte[]> photos = Map.of(
                "LICENCE", SimulatedDocuments.licence(FilingForms.USCC, unitName, (String) responsible.get("name")),
                "RESPONSIBLE_ID_FRONT", SimulatedDocuments.idCardFront((String) responsible.get("name"), FilingForms.RESPONSIBLE_ID),
                "RESPONSIBLE_ID_BACK", SimulatedDocuments.idCardBack("20160101-长期"),
                "ADMIN_ID_FRONT", SimulatedDocuments.idCardFront((String) admin.get("name"), FilingForms.ADMIN_ID),
                "ADMIN_ID_BACK", SimulatedDocuments.idCardBack("20160101-长期"));
        photos.forEach((type, photo) -> uploads.upload(token, created.id(), type, photo, type.toLowerCase() + ".png", "image/png"));
        uploads.upload(token, created.id(), "SIGNED_UNIT_FORM", TestFiles.jpeg(), "signed_unit_form.jpg", "image/jpeg");
        return submit(token, created);
    }

    private long submit(String token, MiniApi.Response created) {
        var submitted = api.post("/api/mini/filings/" + created.id() + "/submit", token, Map.of("version", created.version()));
        assertThat(submitted.get("status")).as(submitted.body().toString()).isEqualTo("SUBMITTED");
        return created.id();
    }

    /** Until WeChat's (simulated) OCR has read every photo of the filing, so the detail shows the results. */
    @SuppressWarnings("unchecked")
    private void awaitChecksDone(long filing) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
            var answer = console.get("/api/console/review/filings/" + filing);
            return ((List<Map<String, Object>>) answer.get("materials")).stream()
                    .filter(material -> Boolean.TRUE.equals(material.get("current")))
                    .map(material -> (Map<String, Object>) material.get("check"))
                    .allMatch(check -> check == null || !List.of("PENDING", "RECOGNISING").contains(check.get("status")));
        });
    }

    /** The operator opens the push's item in the mini-program's inbox (its read receipt). */
    @SuppressWarnings("unchecked")
    private void readInboxItem(String token, String title) {
        Map<String, Object> item = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> ((List<Map<String, Object>>) api.get("/api/mini/inbox", token).get("items")).stream()
                        .filter(candidate -> title.equals(candidate.get("title"))).findFirst().orElse(null), found -> found != null);
        var opened = api.get("/api/mini/inbox/" + item.get("id"), token);
        assertThat(opened.status()).isEqualTo(200);
    }
}
