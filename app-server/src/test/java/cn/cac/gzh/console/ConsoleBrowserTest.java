package cn.cac.gzh.console;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import cn.cac.testsupport.ConsoleClient;
import cn.cac.testsupport.FilingForms;
import cn.cac.testsupport.IntegrationTest;
import cn.cac.testsupport.MaterialUploads;
import cn.cac.testsupport.MiniApi;
import cn.cac.testsupport.SecondCounty;
import cn.cac.testsupport.TestFiles;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The staff console in a real (headless) Chromium: what a clerk clicks, against the whole application.
 * Screenshots of every page land in target/screenshots/.
 */
@IntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest extends ConsoleBrowserSupport {

    private static final String ADMIN = "admin";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Value("${wechat.api-base-url}")
    String wechatBaseUrl;

    MiniApi api;
    ConsoleClient console;
    String operatorToken;

    @BeforeAll
    void start() {
        // before the console first reads the counties (it keeps them for the page's lifetime)
        SecondCounty.ensure(jdbc);
        browser = new ConsoleBrowser(port);
        api = MiniApi.on(port);
        console = new ConsoleClient(port);
        assertThat(console.login(ADMIN, IntegrationTest.ADMIN_PASSWORD).status()).isEqualTo(200);
        operatorToken = api.loginWithConsent("browser-" + UUID.randomUUID()).accessToken();
    }

    @Test
    @Order(1)
    void signInShowsTheServersMessageThenTheDashboardWithTheCounts() {
        draft(marker("概") + "一", "白庙乡");

        browser.openSignedOut();
        assertThat(browser.driver.getTitle()).contains("登录");
        browser.screenshot("01-login");

        browser.type(By.id("login-username"), ADMIN);
        browser.type(By.id("login-password"), "wrong-password-1");
        browser.click(By.id("login-submit"));
        assertThat(browser.waitForText(By.id("login-message"), "用户名或密码错误")).contains("用户名或密码错误");

        browser.signIn(ADMIN, IntegrationTest.ADMIN_PASSWORD);
        assertThat(navTitles()).containsExactly("概览", "待审核", "台账", "逾期处置", "政策推送", "工作人员", "导出", "备案期",
                "网信办信息", "提醒规则", "县（区）与地名", "审计日志");
        assertThat(browser.driver.findElement(By.id("topbar-office")).getText()).as("the city office's header")
                .isEqualTo("商丘市网信办 · 工作台");
        browser.visible(By.cssSelector(".stat"));

        @SuppressWarnings("unchecked")
        Map<String, Object> byStatus = (Map<String, Object>) console.get("/api/console/dashboard").get("byStatus");
        Map<String, Object> stats = console.get("/api/console/dashboard").body();
        assertThat(statValue("备案总数")).isEqualTo(String.valueOf(stats.get("total")));
        assertThat(statValue("待审核")).isEqualTo(String.valueOf(byStatus.get("SUBMITTED")));
        assertThat(statValue("逾期未备案")).isEqualTo(String.valueOf(stats.get("overdue")));
        assertThat(statValue("待收纸质材料")).isEqualTo(String.valueOf(stats.get("awaitingPaper")));
        assertThat(browser.driver.findElement(By.cssSelector(".charts")).getText())
                .contains("按状态", "按乡镇（办事处）", "按主体类型", "白庙乡", "事业单位");
        browser.screenshot("02-dashboard");
    }

    @Test
    @Order(2)
    void aReviewerApprovesOneFilingAndRejectsAnotherWithATemplateReason() {
        String marker = marker("审");
        long first = submittedFiling(marker + "甲");
        long second = submittedFiling(marker + "乙");
        browser.signIn(ADMIN, IntegrationTest.ADMIN_PASSWORD);

        browser.navigate("待审核");
        browser.waitForText(By.cssSelector("#view table.data"), marker + "乙");
        assertThat(String.join("\n", browser.rows())).contains(marker + "甲", marker + "乙");
        browser.screenshot("03-review-queue");

        // the first: every form field, masked numbers, materials, a material link, then approval
        browser.click(By.xpath("//table[contains(@class,'data')]//a[normalize-space()='" + marker + "甲']"));
        String page = browser.waitForText(By.id("view"), "材料清单");
        assertThat(page).contains("公众号信息", "单位信息", "单位负责人", "公众号管理员", "状态记录", "待审核",
                "睢县融媒体中心", "事业单位", FilingForms.USCC, "110***********002X", "宣传干事", "城关回族镇", "尚未分配");
        assertThat(page).doesNotContain(FilingForms.RESPONSIBLE_ID);
        assertThat(browser.driver.findElements(By.cssSelector("button[data-material]"))).hasSize(6);

        String consoleWindow = browser.driver.getWindowHandle();
        WebElement view = browser.driver.findElements(By.cssSelector("button[data-material]")).get(0);
        String materialId = view.getAttribute("data-material");
        view.click();
        String link = browser.visible(By.id("material-link")).getAttribute("href");
        assertThat(link).startsWith("http");
        browser.until(d -> d.getWindowHandles().size() == 2);
        for (String handle : browser.driver.getWindowHandles()) {
            if (!handle.equals(consoleWindow)) {
                browser.driver.switchTo().window(handle);
                browser.until(d -> d.getCurrentUrl().startsWith(link.substring(0, link.indexOf('?'))));
                browser.driver.close();
            }
        }
        browser.driver.switchTo().window(consoleWindow);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'MATERIAL_DOWNLOAD_LINK' AND target_id = ?",
                Integer.class, materialId)).isEqualTo(1);
        browser.screenshot("04-filing-detail");

        browser.click(By.id("approve"));
        browser.click(By.id("approve-confirm"));
        String number = browser.until(d -> {
            String text = d.findElement(By.id("filing-number")).getText();
            return text.matches("411422-\\d{4}-\\d{5}") ? text : null;
        });
        assertThat(browser.waitForText(By.id("detail-message"), number)).contains("已通过审核");
        assertThat(browser.driver.findElement(By.cssSelector("#view h2")).getText()).contains("已备案");
        assertThat(console.get("/api/console/registry/" + first).get("filingNumber")).isEqualTo(number);

        browser.click(By.id("paper-received"));
        browser.waitForText(By.id("detail-message"), "已登记收到纸质材料");
        assertThat(browser.driver.findElement(By.id("view")).getText()).contains("收到").doesNotContain("登记纸质材料");
        browser.screenshot("05-filing-approved");

        // the second: back to the queue, reject with the first template plus a note
        browser.navigate("待审核");
        browser.waitForText(By.cssSelector("#view table.data"), marker + "乙");
        assertThat(String.join("\n", browser.rows())).doesNotContain(marker + "甲");
        browser.click(By.xpath("//table[contains(@class,'data')]//a[normalize-space()='" + marker + "乙']"));
        browser.click(By.id("reject"));
        browser.click(By.id("reject-confirm"));
        browser.waitForText(By.id("detail-message"), "请选择退回原因或填写补充说明");
        Select template = new Select(browser.visible(By.id("reject-template")));
        template.selectByIndex(1);
        String templateText = template.getFirstSelectedOption().getText();
        browser.type(By.id("reject-text"), "请重新拍摄");
        browser.screenshot("06-reject-form");
        browser.click(By.id("reject-confirm"));
        browser.waitForText(By.id("detail-message"), "已退回");
        String rejected = browser.waitForText(By.cssSelector(".timeline"), "已退回");
        assertThat(rejected).contains("原因：" + templateText + "；请重新拍摄");
        assertThat(api.get("/api/mini/filings/" + second, operatorToken).get("rejectionReason"))
                .isEqualTo(templateText + "；请重新拍摄");
        assertThat(browser.driver.findElements(By.id("approve"))).isEmpty();

        // from the filing to everything the same operator has filed
        long operatorId = ((Number) console.get("/api/console/registry/" + second).get("operatorId")).longValue();
        Object total = console.get("/api/console/registry?operatorId=" + operatorId).get("total");
        browser.click(By.partialLinkText("查看其全部备案"));
        browser.waitForText(By.cssSelector(".filter-note"), "仅显示运营者 #" + operatorId);
        browser.waitForText(By.cssSelector(".pager-info"), "共 " + total + " 条");
    }

    @Test
    @Order(3)
    void theRegistryFiltersSortsByColumnAndPages() {
        String marker = marker("账");
        for (int i = 0; i < 22; i++) {
            draft(marker + "号%02d".formatted(i), i % 2 == 0 ? "蓼堤镇" : "周堂镇");
        }
        browser.signIn(ADMIN, IntegrationTest.ADMIN_PASSWORD);
        browser.navigate("台账");
        browser.visible(By.id("filter-text"));

        browser.type(By.id("filter-text"), marker);
        browser.click(By.id("filter-submit"));
        assertThat(browser.waitForText(By.cssSelector(".pager-info"), "共 22 条")).contains("第 1 / 2 页");
        assertThat(browser.rows()).hasSize(20).allMatch(row -> row.contains(marker));

        browser.click(By.cssSelector("button[data-sort='accountName']"));
        browser.until(d -> firstRowStartsWith(marker + "号00"));
        browser.click(By.cssSelector("button[data-sort='accountName']"));
        browser.until(d -> firstRowStartsWith(marker + "号21"));
        assertThat(browser.driver.findElement(By.cssSelector("th.sorted")).getText()).contains("公众号名称", "▼");

        browser.click(By.xpath("//div[@class='pager']/button[normalize-space()='下一页']"));
        browser.waitForText(By.cssSelector(".pager-info"), "第 2 / 2 页");
        assertThat(browser.rows()).hasSize(2);
        assertThat(browser.rows().get(1)).startsWith(marker + "号00");

        new Select(browser.visible(By.id("filter-township"))).selectByVisibleText("蓼堤镇");
        new Select(browser.visible(By.id("filter-status"))).selectByVisibleText("草稿");
        browser.driver.findElement(By.id("filter-overdue")).click();
        browser.click(By.id("filter-submit"));
        browser.waitForText(By.cssSelector(".pager-info"), "共 11 条");
        assertThat(browser.rows()).hasSize(11).allMatch(row -> row.contains("蓼堤镇") && row.contains("草稿") && row.contains("逾期"));
        assertThat(browser.driver.getCurrentUrl()).contains("township=").contains("overdue=true").contains("sort=-accountName");

        browser.type(By.id("filter-text"), marker + "号0");
        browser.click(By.id("filter-submit"));
        browser.waitForText(By.cssSelector(".pager-info"), "共 5 条");
        browser.screenshot("07-registry");
    }

    @Test
    @Order(4)
    void anAdministratorRecordsWhatWasDoneAboutAnOverdueAccount() {
        String marker = marker("逾");
        long filing = draft(marker + "公众号", "西陵寺镇");
        // the oldest deadline, so it heads the overdue list whatever else the database holds
        jdbc.update("UPDATE filing SET due_on = '2001-01-01' WHERE id = ?", filing);
        browser.signIn(ADMIN, IntegrationTest.ADMIN_PASSWORD);
        browser.navigate("逾期处置");
        browser.waitForText(By.cssSelector("#view table.data"), marker);
        assertThat(browser.rows().get(0)).contains(marker + "公众号", "西陵寺镇", "2001-01-01", "天");

        browser.click(By.cssSelector("button[data-enforce='" + filing + "']"));
        browser.waitForText(By.id("enforcement-panel"), "尚无处置记录");
        browser.click(By.id("enforce-submit"));
        browser.waitForText(By.id("enforcement-panel"), "请选择处置措施");
        new Select(browser.visible(By.id("enforce-action"))).selectByVisibleText("电话督促");
        browser.type(By.id("enforce-note"), "电话联系管理员，承诺三日内提交");
        browser.click(By.id("enforce-submit"));
        String panel = browser.waitForText(By.id("enforcement-panel"), "已登记处置措施");
        assertThat(panel).contains("电话督促", "电话联系管理员，承诺三日内提交", "系统管理员");
        assertThat(console.get("/api/console/admin/enforcement/filings/" + filing).get("items").toString()).contains("PHONE_URGED");
        browser.screenshot("08-enforcement");
    }

    @Test
    @Order(5)
    void theStaffPageCreatesEditsAndResetsAndTheNavigationFollowsTheRoles() {
        String username = "clerk" + UUID.randomUUID().toString().substring(0, 6);
        browser.signIn(ADMIN, IntegrationTest.ADMIN_PASSWORD);
        browser.navigate("工作人员");
        browser.visible(By.id("new-username"));

        browser.type(By.id("new-username"), username);
        browser.type(By.id("new-display-name"), "王审核");
        browser.type(By.id("new-password"), "short1");
        browser.click(By.id("new-submit"));
        assertThat(browser.waitForText(By.id("new-staff"), "密码须为10至72位")).contains("同时包含字母和数字");

        browser.type(By.id("new-password"), "Clerk-Pass-2026");
        browser.click(By.id("new-submit"));
        browser.waitForText(By.id("staff-message"), "已新增工作人员 " + username);
        assertThat(staffRow(username)).contains("王审核", "审核员", "启用");

        browser.click(By.cssSelector("button[data-edit='" + username + "']"));
        browser.type(By.id("edit-display-name"), "王审核员");
        browser.click(By.id("edit-role-publisher"));
        browser.click(By.id("edit-submit"));
        browser.waitForText(By.id("staff-message"), "已保存 " + username);
        assertThat(staffRow(username)).contains("王审核员", "审核员、发布员");

        browser.click(By.cssSelector("button[data-reset='" + username + "']"));
        browser.type(By.id("reset-password"), "Clerk-Reset-2026");
        browser.click(By.id("reset-submit"));
        browser.waitForText(By.id("staff-message"), "已重置 " + username + " 的密码");
        browser.click(By.cssSelector("button[data-edit='" + username + "']"));
        browser.visible(By.id("edit-display-name"));
        browser.screenshot("09-staff");

        browser.signIn(username, "Clerk-Reset-2026");
        // 审核员、发布员: the reviewer's pages and the policy pushes, nothing of the administrator's
        assertThat(navTitles()).containsExactly("概览", "待审核", "台账", "政策推送");
        browser.driver.get(browser.base + "/console/#/staff");
        browser.waitForText(By.id("view"), "没有使用此功能的权限");
        browser.click(By.id("logout"));
        browser.waitForText(By.id("login-message"), "您已退出登录");
        assertThat(new ConsoleClient(port).login(username, "Clerk-Pass-2026").status()).as("the old password is gone").isEqualTo(401);
    }

    @Test
    @Order(6)
    void anExportShowsItsProgressAndDownloadsAWorkbook() throws Exception {
        String marker = marker("导");
        draft(marker + "公众号", "河集乡");
        browser.signIn(ADMIN, IntegrationTest.ADMIN_PASSWORD);
        browser.navigate("导出");
        browser.click(By.id("export-kind-registry"));
        browser.type(By.id("export-text"), marker);
        browser.click(By.id("export-start"));

        WebElement job = browser.visible(By.cssSelector(".export-job"));
        String id = job.getAttribute("data-export");
        WebElement download = browser.visible(By.id("export-download-" + id));
        assertThat(browser.driver.findElement(By.cssSelector(".export-job .progress-label")).getText()).isEqualTo("已完成 100%");
        assertThat(browser.driver.findElement(By.cssSelector(".export-job")).getText()).contains("已写入 1 / 1 行");
        browser.until(d -> d.findElement(By.cssSelector(".export-job .progress-fill")).getSize().getWidth()
                >= d.findElement(By.cssSelector(".export-job .progress")).getSize().getWidth() - 4);
        browser.screenshot("10-export");

        download.click();
        Path file = await().atMost(Duration.ofSeconds(20))
                .alias("an .xlsx in " + browser.downloads)
                .until(() -> downloaded(".xlsx"), path -> path != null);
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("备案编号");
            List<String> names = new ArrayList<>();
            for (Row row : sheet) {
                if (row.getRowNum() > 0) {
                    names.add(row.getCell(2).getStringCellValue());
                }
            }
            assertThat(names).containsExactly(marker + "公众号");
        }
    }

    // ------------------------------------------------------------------ helpers

    private static String marker(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 6);
    }

    @Test
    @Order(7)
    void anAdministratorEditsTheDictionaryAndCampaignsAndReadsTheAuditLog() {
        String word = marker("湖");
        browser.signIn(ADMIN, IntegrationTest.ADMIN_PASSWORD);
        browser.navigate("县（区）与地名");
        browser.type(By.id("place-name-term"), word);
        browser.click(By.id("place-name-submit"));
        browser.waitForText(By.id("place-names-table"), word);
        assertThat(console.get("/api/console/admin/place-names").get("placeNames").toString()).contains(word);
        browser.screenshot("11-place-names");

        browser.navigate("备案期");
        browser.type(By.id("campaign-name"), word + "集中登记");
        ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(
                "document.getElementById('campaign-starts').value='2031-01-01';"
                        + "document.getElementById('campaign-ends').value='2031-01-31';");
        // the city office's choice of 适用范围: 睢县 (a city-wide one would set other tests' 民权县 deadlines)
        new Select(browser.visible(By.id("campaign-county"))).selectByValue("411422");
        browser.click(By.id("campaign-submit"));
        browser.waitForText(By.cssSelector("#view table.data"), word + "集中登记");
        assertThat(browser.driver.findElement(By.cssSelector("#view table.data")).getText()).contains("睢县");
        assertThat(jdbc.queryForObject("SELECT county_code FROM filing_campaign WHERE name = ?", String.class, word + "集中登记"))
                .isEqualTo("411422");
        browser.screenshot("12-campaigns");

        // the city office's own information (shown to counties without their own), then 民权县's as its own
        jdbc.update("DELETE FROM office_contact WHERE region_code = ?", SecondCounty.CODE);
        jdbc.update("DELETE FROM office_profile WHERE region_code = ?", SecondCounty.CODE);
        browser.navigate("网信办信息");
        browser.type(By.id("office-address"), word + "路1号");
        browser.click(By.id("office-contact-add"));
        browser.type(By.cssSelector("#office-contacts .office-contact:last-child input[name=contactName]"), "值班室");
        browser.type(By.cssSelector("#office-contacts .office-contact:last-child input[name=contactPhone]"), "0370-1234567");
        browser.click(By.id("office-submit"));
        browser.waitForText(By.id("office-message"), "已保存");
        assertThat(MiniApi.on(port).get("/api/mini/office?county=" + SecondCounty.CODE, null).map("office").get("address"))
                .isEqualTo(word + "路1号");
        new Select(browser.visible(By.id("office-county"))).selectByValue(SecondCounty.CODE);
        browser.waitForText(By.id("view"), "尚未单独填写");
        browser.type(By.id("office-name"), word + "民权县网信办");
        browser.click(By.id("office-submit"));
        browser.waitForText(By.id("office-message"), "已保存");
        assertThat(MiniApi.on(port).get("/api/mini/office?county=" + SecondCounty.CODE, null).map("office").get("name"))
                .isEqualTo(word + "民权县网信办");
        browser.screenshot("12b-office");
        // 民权县's own 帮助 reply for its followers; the others stay the city's (shown as placeholders)
        assertThat(browser.visible(By.id("reply-welcome")).getAttribute("placeholder")).startsWith("沿用市级：");
        browser.type(By.id("reply-help"), word + "民权县帮助");
        browser.click(By.id("replies-submit"));
        browser.waitForText(By.id("office-message"), "已保存自动回复");
        assertThat(jdbc.queryForList("SELECT content FROM oa_reply_text WHERE region_code = ?", String.class, SecondCounty.CODE))
                .containsExactly(word + "民权县帮助");
        jdbc.update("DELETE FROM oa_reply_text WHERE region_code = ?", SecondCounty.CODE);

        browser.navigate("审计日志");
        browser.type(By.id("audit-action"), "PLACE_NAME_ADDED");
        browser.click(By.id("audit-submit"));
        String log = browser.waitForText(By.cssSelector("#view table.data"), word);
        assertThat(log).contains("PLACE_NAME_ADDED", "工作人员");
        browser.click(By.id("audit-verify"));
        assertThat(browser.waitForText(By.id("audit-verify-result"), "审计链完整")).contains("均未被修改或删除");
        browser.screenshot("13-audit");
    }

    @Test
    @Order(8)
    void aPublisherComposesSendsAndWatchesTheProgressReachAHundredPercent() throws Exception {
        String title = marker("政策") + "关于做好公众号登记备案工作的通知";
        try (PushRecipientsFixture recipients = new PushRecipientsFixture(api, console, wechatBaseUrl)) {
            browser.signIn(ADMIN, IntegrationTest.ADMIN_PASSWORD);
            browser.navigate("政策推送");
            browser.click(By.id("push-new"));
            browser.waitForText(By.cssSelector("#view h2"), "新建推送");

            // the API's field errors show at their fields
            browser.click(By.id("push-save"));
            assertThat(browser.waitForText(By.cssSelector("[data-field='title'] .field-error"), "不能为空")).isNotBlank();
            assertThat(browser.driver.findElement(By.id("push-message")).getText()).contains("请按标出的栏目修改");

            browser.type(By.id("push-title"), title);
            browser.type(By.id("push-summary"), "请尚未备案的公众号在30日内完成登记备案。");
            WebElement body = browser.visible(By.id("push-body"));
            body.click();
            browser.click(By.cssSelector("button[data-tool='标题']"));
            body.sendKeys("一、工作要求" + Keys.ENTER + "请各单位");
            browser.click(By.cssSelector("button[data-tool='加粗']"));
            body.sendKeys("认真落实");
            browser.click(By.cssSelector("button[data-tool='加粗']"));
            body.sendKeys("，按时提交材料。");
            browser.click(By.id("push-audience-listed"));
            browser.type(By.id("push-operator-ids"), recipients.follower.operatorId() + "，" + recipients.refusing.operatorId());
            browser.click(By.id("push-channel-subscribe"));
            browser.click(By.id("push-channel-template"));
            browser.click(By.id("push-save"));
            browser.waitForText(By.id("push-message"), "已保存草稿");
            long id = browser.idInAddress("push-edit");
            var saved = console.get("/api/console/pushes/" + id);
            assertThat((String) saved.get("bodyHtml")).contains("<h3>一、工作要求</h3>", "<b>认真落实</b>");
            assertThat(saved.get("audience").toString()).contains("LISTED");

            Path pdf = Files.createTempDirectory("push-attachment").resolve("登记备案工作说明.pdf");
            Files.write(pdf, TestFiles.pdf());
            browser.driver.findElement(By.id("push-attachment-file")).sendKeys(pdf.toString());
            browser.waitForText(By.id("push-attachments"), "登记备案工作说明.pdf");
            browser.waitForText(By.id("push-attachment-message"), "已上传");
            assertThat(console.get("/api/console/pushes/" + id).get("attachments").toString()).contains("application/pdf");
            browser.screenshot("15-push-compose");

            browser.click(By.id("push-send"));
            browser.waitForText(By.id("push-send-confirm-row"), "指定的 2 位运营者");
            browser.click(By.id("push-send-confirm"));
            browser.waitForText(By.id("push-message"), "已开始发送");
            // the detail page refreshes itself until the pipeline has sent everything through WxJava to the simulator
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, Duration.ofSeconds(60))
                    .until(d -> "SENT".equals(d.findElement(By.id("push-progress")).getAttribute("data-status")));
            assertThat(browser.driver.findElement(By.id("push-percent")).getText()).isEqualTo("100%");
            assertThat(browser.driver.findElement(By.id("push-progress-state")).getText()).isEqualTo("已完成");
            assertThat(browser.driver.findElement(By.id("push-title")).getText()).contains("已发送");
            assertThat(browser.driver.findElements(By.id("push-cancel"))).isEmpty();
            assertShownProgressEqualsTheApis(id);
            assertThat(shownCount("INBOX", "delivered")).isEqualTo(2);
            assertThat(shownCount("SUBSCRIBE", "sent")).isEqualTo(1);
            assertThat(shownCount("SUBSCRIBE", "failed")).isEqualTo(1);
            assertThat(shownCount("TEMPLATE", "sent")).isEqualTo(1);
            assertThat(browser.driver.findElement(By.id("push-failures")).getText())
                    .contains("订阅消息", "43101", "用户拒绝接收");
            assertThat(browser.driver.findElement(By.id("push-body")).getText()).contains("一、工作要求", "认真落实");
            assertThat(browser.driver.findElement(By.id("push-facts")).getText())
                    .contains("指定的 2 位运营者", "收件箱、订阅消息、模板消息");
            browser.screenshot("16-push-progress");

            // one operator reads it: 刷新 shows it, the unread list holds the other one only
            PushRecipientsFixture.read(api, recipients.follower, title);
            browser.click(By.id("push-progress-refresh"));
            browser.until(d -> shownCount("INBOX", "read") == 1);
            assertShownProgressEqualsTheApis(id);
            String list = browser.waitForText(By.id("push-recipients"), "已读");
            assertThat(list).contains("#" + recipients.follower.operatorId(), "#" + recipients.refusing.operatorId(), "未读");
            browser.click(By.id("recipients-unread"));
            // "#1" must not match "#111": the operator number as a whole
            Pattern followerNumber = Pattern.compile("#" + recipients.follower.operatorId() + "(?!\\d)");
            browser.until(d -> !followerNumber.matcher(d.findElement(By.id("push-recipients")).getText()).find());
            assertThat(browser.waitForText(By.id("push-recipients"), "未读")).contains("#" + recipients.refusing.operatorId());
            browser.screenshot("17-push-read");
            browser.click(By.id("push-unread-export"));
            Path csv = await().atMost(Duration.ofSeconds(20)).until(() -> downloaded("push-" + id + "-unread.csv"), path -> path != null);
            assertThat(Files.readString(csv)).contains("运营者编号", "\n" + recipients.refusing.operatorId() + ",")
                    .doesNotContain("\n" + recipients.follower.operatorId() + ",");

            browser.navigate("政策推送");
            browser.waitForText(By.cssSelector("#view table.data"), title);
            assertThat(browser.rows().get(0)).startsWith(title).contains("已发送", "指定运营者", "100%", "1 / 2");
            browser.screenshot("18-push-list");
        }
    }

    /** Every number on the detail page's progress is the API's (PushView.progress). */
    @SuppressWarnings("unchecked")
    private void assertShownProgressEqualsTheApis(long id) {
        Map<String, Object> progress = (Map<String, Object>) console.get("/api/console/pushes/" + id).get("progress");
        long items = ((Number) progress.get("inboxItems")).longValue();
        long read = ((Number) progress.get("read")).longValue();
        assertThat(shownCount("INBOX", "delivered")).isEqualTo(items);
        assertThat(shownCount("INBOX", "read")).isEqualTo(read);
        assertThat(shownCount("INBOX", "unread")).isEqualTo(items - read);
        Map<String, Map<String, Number>> byChannel = (Map<String, Map<String, Number>>) progress.get("byChannel");
        Map<String, List<String>> groups = Map.of("sent", List.of("SENT", "DELIVERED"), "failed", List.of("FAILED"),
                "unknown", List.of("UNKNOWN"), "skipped", List.of("SKIPPED"), "cancelled", List.of("CANCELLED"),
                "queued", List.of("QUEUED", "SENDING"));
        for (String channel : List.of("SUBSCRIBE", "TEMPLATE")) {
            Map<String, Number> statuses = byChannel.getOrDefault(channel, Map.of());
            groups.forEach((key, members) -> assertThat(shownCount(channel, key)).as(channel + " " + key)
                    .isEqualTo(members.stream().mapToLong(status -> statuses.getOrDefault(status, 0).longValue()).sum()));
        }
    }

    private long shownCount(String channel, String key) {
        return Long.parseLong(browser.driver.findElement(By.cssSelector(
                "[data-channel='" + channel + "'] [data-key='" + key + "'] .legend-value")).getText());
    }

    @Test
    @Order(9)
    void aScheduledPushIsTestSentWaitsForItsTimeAndIsCancelled() {
        String title = marker("定时") + "关于集中登记备案期的提醒";
        MiniApi.Session tester = api.login("pushtester" + UUID.randomUUID().toString().replace("-", "").substring(0, 8));
        String day = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(2).toString();
        browser.signIn(ADMIN, IntegrationTest.ADMIN_PASSWORD);
        browser.navigate("政策推送");
        browser.click(By.id("push-new"));
        browser.type(By.id("push-title"), title);
        browser.type(By.id("push-summary"), "集中登记备案期即将开始。");
        browser.visible(By.id("push-body")).sendKeys("请各运营者提前准备材料。");

        // a test send first: a wrong id is refused at its field, then the publisher's own account gets it
        browser.type(By.id("push-test-ids"), "12a");
        browser.click(By.id("push-test-send"));
        browser.waitForText(By.cssSelector("[data-field='operatorIds'] .field-error"), "不是运营者编号");
        browser.type(By.id("push-test-ids"), String.valueOf(tester.operatorId()));
        browser.click(By.id("push-test-send"));
        browser.waitForText(By.id("push-message"), "已向 1 位运营者发送测试消息");
        assertThat(browser.driver.findElements(By.cssSelector(".field-error"))).isEmpty();
        assertThat(api.get("/api/mini/inbox", tester.accessToken()).get("items").toString()).contains("【测试】" + title);

        browser.click(By.id("push-when-later"));
        browser.click(By.id("push-send"));
        browser.waitForText(By.cssSelector("[data-field='sendAt'] .field-error"), "请选择定时发送的时间");
        ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(
                "document.getElementById('push-send-at').value = arguments[0]", day + "T09:30");
        assertThat(browser.driver.findElement(By.id("push-send")).getText()).isEqualTo("定时发送");
        browser.click(By.id("push-send"));
        browser.waitForText(By.id("push-send-confirm-row"), day + " 09:30（北京时间）");
        browser.click(By.id("push-send-confirm"));
        browser.waitForText(By.id("push-message"), "已安排在 " + day + " 09:30");
        assertThat(browser.driver.findElement(By.id("push-title")).getText()).contains("待发送");
        assertThat(browser.driver.findElement(By.id("push-facts")).getText()).contains("定时发送", day + " 09:30", "全部已备案运营者");
        assertThat(browser.driver.findElement(By.id("push-progress-state")).getText()).isEqualTo("尚未开始");
        long id = Long.parseLong(browser.driver.getCurrentUrl().replaceAll(".*/", ""));
        assertThat(console.get("/api/console/pushes/" + id).get("scheduledAt")).isEqualTo(day + "T09:30:00+08:00");
        browser.screenshot("19-push-scheduled");

        browser.click(By.id("push-cancel"));
        browser.click(By.id("push-cancel-confirm"));
        browser.waitForText(By.id("push-message"), "已取消推送");
        assertThat(browser.driver.findElement(By.id("push-title")).getText()).contains("已取消");
        assertThat(browser.driver.findElements(By.id("push-cancel"))).isEmpty();
        assertThat(console.get("/api/console/pushes/" + id).get("status")).isEqualTo("CANCELLED");
    }

    @Test
    @Order(10)
    void everyPageLoadsItsModulesAndRendersWithoutAScriptError() throws Exception {
        long filing = submittedFiling(marker("页") + "公众号");
        browser.signIn(ADMIN, IntegrationTest.ADMIN_PASSWORD);
        List<String> pages = new ArrayList<>(navTitles());
        assertThat(pages).hasSize(12);
        for (String title : pages) {
            browser.navigate(title);
            assertRendered("#/" + browser.driver.findElement(By.cssSelector("#nav .nav-link.active")).getAttribute("data-route"));
        }
        browser.driver.get(browser.base + "/console/#/filings/" + filing);
        browser.waitForText(By.id("view"), "状态记录");
        assertRendered("#/filings/" + filing);
        browser.click(By.id("notifications-link"));
        browser.waitForText(By.cssSelector("#view h2"), "通知");
        assertRendered("#/notifications");
        browser.click(By.id("my-account"));
        browser.waitForText(By.cssSelector("#view h2"), "我的账号");
        assertRendered("#/account");
        browser.waitForText(By.id("wechat-binding-status"), "绑定");
        browser.screenshot("14-account");
        // the page's former address still opens it
        browser.driver.get(browser.base + "/console/#/password");
        browser.waitForText(By.id("password-card"), "修改密码");
        assertRendered("#/password");

        // every file of the front end was loaded as a module (under the console's CSP), each served as JavaScript
        @SuppressWarnings("unchecked")
        List<String> loaded = (List<String>) browser.driver.executeScript(
                "return performance.getEntriesByType('resource').map(e => e.name).filter(n => n.endsWith('.js'))");
        Path root = Path.of(System.getProperty("basedir", "."), "src", "main", "resources", "static", "console");
        List<String> modules;
        try (Stream<Path> files = Files.walk(root)) {
            modules = files.filter(path -> path.toString().endsWith(".js"))
                    .map(path -> browser.base + "/console/" + root.relativize(path).toString().replace('\\', '/')).toList();
        }
        assertThat(modules).hasSizeGreaterThan(10);
        assertThat(loaded).containsAll(modules);
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<Void> page = http.send(HttpRequest.newBuilder(URI.create(browser.base + "/console/")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(page.headers().firstValue("Content-Security-Policy")).contains(
                "default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
        for (String module : modules) {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(module)).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(response.statusCode()).as(module).isEqualTo(200);
            // browsers refuse a module served with any other type (and Spring Security sends nosniff)
            assertThat(response.headers().firstValue("Content-Type").orElse("")).as(module).startsWith("text/javascript");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(module).contains("nosniff");
        }
    }

    @Test
    @Order(11)
    @SuppressWarnings("unchecked")
    void theFilingDetailListsTheReviewResultNoticeWithItsChannelsAndWhetherItWasRead() {
        String name = marker("知") + "公众号";
        MiniApi.Session operator = api.loginWithConsent("browser-notice-" + UUID.randomUUID());
        // opened a week ago: the opening-window rule's 7-day step is due today (see below)
        LocalDate opened = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(7);
        long filing = submittedFiling(name, operator.accessToken(), opened);
        assertThat(console.get("/api/console/registry/" + filing).get("dueOn")).as("the 30-day rule, no campaign")
                .isEqualTo(opened.plusDays(30).toString());
        Map<String, Object> template = ((List<Map<String, Object>>) console.get("/api/console/review/reason-templates").get("items")).get(0);
        assertThat(console.post("/api/console/review/filings/" + filing + "/reject",
                Map.of("templateId", template.get("id"), "text", "请补充单位证明")).status()).isEqualTo(200);
        // the notice is written from the outbox once the decision has committed, and goes to the inbox at once
        String notices = "/api/console/registry/" + filing + "/notices";
        Map<String, Object> notice = await().atMost(Duration.ofSeconds(20)).until(() -> {
            List<Map<String, Object>> items = (List<Map<String, Object>>) console.get(notices).get("items");
            return items.isEmpty() || items.get(0).get("inboxAt") == null ? null : items.get(0);
        }, found -> found != null);
        assertThat(notice).containsEntry("kind", "REVIEW_RESULT").containsEntry("rule", "REJECTED");

        browser.signIn(ADMIN, IntegrationTest.ADMIN_PASSWORD);
        browser.driver.get(browser.base + "/console/#/filings/" + filing);
        String history = browser.waitForText(By.id("notice-history"), "提醒与通知记录");
        assertThat(history).contains("审核结果", "退回", "备案被退回：" + name, "请补充单位证明", (String) notice.get("statusLabel"), "未读");
        for (Map<String, Object> channel : (List<Map<String, Object>>) notice.get("channels")) {
            assertThat(history).contains(channel.get("channelLabel") + "：" + channel.get("statusLabel"));
        }

        // the operator opens it in the mini-program's inbox: the page shows when
        PushRecipientsFixture.read(api, operator, "备案被退回：" + name);
        browser.driver.navigate().refresh();
        assertThat(browser.waitForText(By.id("notice-history"), "已读")).doesNotContain("未读");

        // the reminders run: the rejected filing of an account opened a week ago gets the 7-day step
        // (sent now, or waiting for 08:00 in quiet hours), listed above the review result
        assertThat(console.post("/api/console/admin/reminder-rules/run", Map.of()).status()).isEqualTo(200);
        browser.driver.navigate().refresh();
        String withReminder = browser.waitForText(By.id("notice-history"), "新开通账号30日内备案提醒");
        assertThat(withReminder).contains("新开通公众号备案提醒", "已开通7天", "备案被退回：" + name);
        assertThat(withReminder).containsAnyOf("已发出", "待发送");
        browser.screenshot("20-filing-notice-history");

        // a filing nothing was sent about
        long quiet = draft(marker("静") + "公众号", "城关回族镇");
        browser.driver.get(browser.base + "/console/#/filings/" + quiet);
        browser.waitForText(By.id("notice-history"), "暂无提醒或通知");
    }

    @Test
    @Order(12)
    @SuppressWarnings("unchecked")
    void anAdministratorEditsPreviewsAndSavesAReminderRuleThenRunsTheReminders() {
        String marker = marker("逾期");
        Map<String, Object> original = ((List<Map<String, Object>>) console.get("/api/console/admin/reminder-rules").get("items"))
                .stream().filter(rule -> "OVERDUE".equals(rule.get("code"))).findFirst().orElseThrow();
        try {
            editPreviewSaveAndRun(marker);
        } finally {
            // other tests (in this JVM's database) count on the rules as shipped
            jdbc.update("DELETE FROM reminder_rule WHERE region_code = ?", SecondCounty.CODE);
            Map<String, Object> now = ((List<Map<String, Object>>) console.get("/api/console/admin/reminder-rules").get("items"))
                    .stream().filter(rule -> "OVERDUE".equals(rule.get("code"))).findFirst().orElseThrow();
            assertThat(console.put("/api/console/admin/reminder-rules/OVERDUE", Map.of("enabled", original.get("enabled"),
                    "offsets", original.get("offsets"), "title", original.get("title"), "body", original.get("body"),
                    "version", now.get("version"))).status()).isEqualTo(200);
        }
    }

    @SuppressWarnings("unchecked")
    private void editPreviewSaveAndRun(String marker) {
        browser.signIn(ADMIN, IntegrationTest.ADMIN_PASSWORD);
        browser.navigate("提醒规则");
        String page = browser.waitForText(By.id("view"), "逾期通知");
        assertThat(page).contains("集中登记截止提醒", "新开通账号30日内备案提醒", "退回后未重新提交提醒", "逾期日报（发给工作人员）",
                "年度备案信息确认", "截止日后第几天（如 1）");
        assertThat(browser.driver.findElements(By.cssSelector(".rule-card"))).hasSize(6);

        // an unknown placeholder: the server's message, in Chinese, naming the ones allowed
        browser.type(By.id("rule-title-OVERDUE"), "{公众号}已逾期{逾期天数}天");
        browser.click(By.id("rule-save-OVERDUE"));
        assertThat(browser.waitForText(By.id("rule-message-OVERDUE"), "不认识的占位符"))
                .contains("{逾期天数}", "{已逾期天数}");
        // days that are not whole numbers are refused at their field before anything is sent
        browser.type(By.id("rule-offsets-OVERDUE"), "1，两");
        browser.click(By.id("rule-save-OVERDUE"));
        browser.waitForText(By.cssSelector("#rule-OVERDUE [data-field='offsets'] .field-error"), "请填写整数天数");

        browser.type(By.id("rule-offsets-OVERDUE"), "3，1");
        browser.type(By.id("rule-title-OVERDUE"), marker + "：{公众号}已逾期");
        browser.type(By.id("rule-body-OVERDUE"), "您的公众号“{公众号}”的备案截止日期为");
        browser.click(By.cssSelector("#rule-OVERDUE button[data-placeholder='{截止日期}']"));
        browser.visible(By.id("rule-body-OVERDUE")).sendKeys("，已逾期{已逾期天数}天，请尽快在小程序中完成登记备案。");
        assertThat(browser.driver.findElement(By.id("rule-body-OVERDUE")).getAttribute("value"))
                .isEqualTo("您的公众号“{公众号}”的备案截止日期为{截止日期}，已逾期{已逾期天数}天，请尽快在小程序中完成登记备案。");
        browser.click(By.id("rule-preview-button-OVERDUE"));
        String preview = browser.waitForText(By.id("rule-preview-OVERDUE"), "睢县示例公众号");
        assertThat(preview).contains(marker + "：睢县示例公众号已逾期",
                "您的公众号“睢县示例公众号”的备案截止日期为2026年8月10日，已逾期1天").doesNotContain("{");
        assertThat(browser.driver.findElements(By.cssSelector("#rule-OVERDUE .field-error"))).isEmpty();

        browser.click(By.id("rule-save-OVERDUE"));
        assertThat(browser.waitForText(By.id("rule-message-OVERDUE"), "已保存")).contains("逾期通知", "1、3 天");
        assertThat(browser.driver.findElement(By.id("rule-offsets-OVERDUE")).getAttribute("value")).isEqualTo("1,3");
        Map<String, Object> saved = ((List<Map<String, Object>>) console.get("/api/console/admin/reminder-rules").get("items")).stream()
                .filter(rule -> "OVERDUE".equals(rule.get("code"))).findFirst().orElseThrow();
        assertThat(saved).containsEntry("title", marker + "：{公众号}已逾期").containsEntry("offsets", List.of(1, 3));

        LocalTime beijing = LocalTime.now(ZoneId.of("Asia/Shanghai"));
        browser.click(By.id("reminder-run"));
        String ran = browser.waitForText(By.id("reminder-run-message"), "已检查完毕");
        assertThat(ran).contains("符合提醒条件的备案");
        // quiet hours (22:00–08:00 Beijing, the default): the answer's quietUntil in words; a minute's margin at either end
        if (beijing.isAfter(LocalTime.of(22, 1)) || beijing.isBefore(LocalTime.of(7, 59))) {
            assertThat(ran).contains("现在是免打扰时段", "08:00 发出");
        } else if (beijing.isAfter(LocalTime.of(8, 1)) && beijing.isBefore(LocalTime.of(21, 59))) {
            assertThat(ran).doesNotContain("免打扰");
        }
        browser.screenshot("21-reminder-rules");

        // another administrator saves meanwhile: this page's save is refused, and reloading shows theirs
        assertThat(console.put("/api/console/admin/reminder-rules/OVERDUE", Map.of("enabled", true, "offsets", List.of(1),
                "title", marker + "：{公众号}备案已逾期", "body", saved.get("body"), "version", saved.get("version"))).status()).isEqualTo(200);
        browser.type(By.id("rule-title-OVERDUE"), marker + "：本页的修改");
        browser.click(By.id("rule-save-OVERDUE"));
        browser.waitForText(By.id("rule-message-OVERDUE"), "已被他人修改");
        browser.click(By.id("rules-reload"));
        browser.until(d -> (marker + "：{公众号}备案已逾期").equals(d.findElement(By.id("rule-title-OVERDUE")).getAttribute("value")));

        // 民权县's rules: the city office picks the county; an inherited rule saved becomes the county's own, then goes back
        SecondCounty.ensure(jdbc);
        jdbc.update("DELETE FROM reminder_rule WHERE region_code = ?", SecondCounty.CODE);
        new Select(browser.visible(By.id("reminder-rules-county"))).selectByValue(SecondCounty.CODE);
        browser.waitForText(By.id("rule-source-REJECTED_IDLE"), "沿用全市设置");
        assertThat(browser.driver.findElement(By.id("rule-reset-REJECTED_IDLE")).isDisplayed()).isFalse();
        browser.type(By.id("rule-offsets-REJECTED_IDLE"), "2");
        browser.click(By.id("rule-save-REJECTED_IDLE"));
        browser.waitForText(By.id("rule-source-REJECTED_IDLE"), "本县（区）设置");
        assertThat(jdbc.queryForObject("SELECT offsets FROM reminder_rule WHERE code = 'REJECTED_IDLE' AND region_code = ?",
                String.class, SecondCounty.CODE)).isEqualTo("2");
        assertThat(jdbc.queryForObject("SELECT offsets FROM reminder_rule WHERE code = 'REJECTED_IDLE' AND region_code = '411400'",
                String.class)).as("the city's stays").isEqualTo("3,7");
        browser.screenshot("21b-reminder-rules-county");
        ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript("window.confirm = () => true;");
        browser.click(By.id("rule-reset-REJECTED_IDLE"));
        browser.waitForText(By.id("reminder-run-message"), "已恢复为全市设置");
        browser.waitForText(By.id("rule-source-REJECTED_IDLE"), "沿用全市设置");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reminder_rule WHERE region_code = ?", Integer.class, SecondCounty.CODE))
                .isZero();
    }

    @Test
    @Order(13)
    @SuppressWarnings("unchecked")
    void theNotificationsPageListsTheStaffsDigestsWithTheUnreadCount() {
        browser.signIn(ADMIN, IntegrationTest.ADMIN_PASSWORD);
        Map<String, Object> answer = console.get("/api/console/notifications").body();
        List<Map<String, Object>> items = (List<Map<String, Object>>) answer.get("items");
        int unread = ((Number) answer.get("unread")).intValue();
        browser.click(By.id("notifications-link"));
        browser.waitForText(By.cssSelector("#view h2"), "通知");
        assertRendered("#/notifications");
        WebElement badge = browser.driver.findElement(By.id("notification-count"));
        if (items.isEmpty()) {
            // digests come only from the real morning scan (sent outside quiet hours): often there is none
            browser.waitForText(By.id("notifications-empty"), "暂无通知");
            assertThat(badge.isDisplayed()).isFalse();
        } else {
            assertThat(browser.driver.findElement(By.id("view")).getText()).contains((String) items.get(0).get("title"));
            if (unread > 0) {
                browser.until(d -> d.findElement(By.id("notification-count")).getText().equals(String.valueOf(unread)));
                WebElement first = browser.driver.findElements(By.cssSelector("button[data-read]")).get(0);
                first.click();
                browser.until(d -> d.findElements(By.cssSelector("button[data-read]")).size() == unread - 1);
                assertThat(((Number) console.get("/api/console/notifications").get("unread")).intValue()).isEqualTo(unread - 1);
            }
        }
        browser.screenshot("22-notifications");
    }

    @Test
    @Order(14)
    void aStaffMemberBindsTheirWechatOnMyAccountAndThePageSeesItByItself() throws Exception {
        String binding = "/api/console/auth/wechat-binding";
        String openid = "sim-mp-openid-browser-" + UUID.randomUUID().toString().substring(0, 8);
        console.send("DELETE", binding);
        try {
            browser.signIn(ADMIN, IntegrationTest.ADMIN_PASSWORD);
            browser.click(By.id("my-account"));
            browser.waitForText(By.cssSelector("#view h2"), "我的账号");
            assertRendered("#/account");
            browser.waitForText(By.id("wechat-binding-status"), "未绑定");
            assertThat(browser.driver.findElement(By.id("wechat-unbind")).isDisplayed()).isFalse();

            browser.click(By.id("wechat-binding-get-code"));
            String code = browser.visible(By.id("wechat-binding-code")).getText().trim();
            assertThat(code).matches("\\d{6}");
            assertThat(browser.driver.findElement(By.id("wechat-binding-code-box")).getText())
                    .contains("请用本人微信关注本公众号，然后发送：绑定 " + code);
            assertThat(browser.waitForText(By.id("wechat-binding-countdown"), "有效期还剩")).matches("有效期还剩 (9 分 \\d\\d|10 分 00) 秒");

            // the staff member sends the code from their WeChat: the page, asking every few seconds, turns by itself
            assertThat(OfficialAccountText.say(port, openid, "绑定 " + code)).contains("绑定成功：");
            browser.waitForText(By.id("wechat-binding-status"), "已绑定");
            assertThat(browser.waitForText(By.id("wechat-binding-message"), "绑定成功")).contains("逾期未备案汇总");
            assertThat(browser.driver.findElement(By.id("wechat-binding-code-box")).isDisplayed()).isFalse();
            assertThat(browser.driver.findElement(By.id("wechat-binding-get-code")).isDisplayed()).isFalse();
            assertThat(jdbc.queryForObject("SELECT oa_openid FROM staff_user WHERE username = ?", String.class, ADMIN)).isEqualTo(openid);
            browser.screenshot("23-wechat-binding");

            browser.click(By.id("wechat-unbind"));
            browser.click(By.id("wechat-unbind-confirm"));
            browser.waitForText(By.id("wechat-binding-status"), "未绑定");
            browser.waitForText(By.id("wechat-binding-message"), "已解除绑定");
            assertThat(browser.driver.findElement(By.id("wechat-binding-get-code")).isDisplayed()).isTrue();
            assertThat(console.get(binding).get("bound")).isEqualTo(false);
        } finally {
            // the other tests expect the administrator without a WeChat
            console.send("DELETE", binding);
        }
    }

    /** The page at the hash has replaced "正在加载…" with its content, without an error. */
    private void assertRendered(String hash) {
        browser.until(d -> d.findElements(By.cssSelector("#view .loading")).isEmpty());
        assertThat(browser.driver.getCurrentUrl()).contains(hash);
        assertThat(browser.driver.findElements(By.cssSelector("#view h2"))).as(hash).isNotEmpty();
        assertThat(browser.driver.findElements(By.cssSelector("#view .message-error"))).as(hash).isEmpty();
        assertThat(browser.javaScriptErrors()).as("errors in the browser's console on " + hash).isEmpty();
    }

    private List<String> navTitles() {
        return browser.driver.findElements(By.cssSelector("#nav .nav-link")).stream().map(WebElement::getText).toList();
    }

    private boolean firstRowStartsWith(String prefix) {
        List<String> rows = browser.rows();
        return !rows.isEmpty() && rows.get(0).startsWith(prefix);
    }

    private String statValue(String label) {
        return browser.driver.findElement(By.cssSelector("[data-stat='" + label + "'] .stat-value")).getText();
    }

    private String staffRow(String username) {
        return browser.rows().stream().filter(row -> row.startsWith(username + " |")).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + username + " in " + browser.rows()));
    }

    private Path downloaded(String suffix) throws java.io.IOException {
        try (Stream<Path> files = Files.list(browser.downloads)) {
            return files.filter(path -> path.getFileName().toString().endsWith(suffix)).findFirst().orElse(null);
        }
    }

    private long draft(String name, String township) {
        Map<String, Object> form = FilingForms.unitForm(FilingForms.newOriginalId());
        FilingForms.section(form, "account").put("name", name);
        FilingForms.section(form, "account").put("township", township);
        var created = api.post("/api/mini/filings", operatorToken, form);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.id();
    }

    private long submittedFiling(String name) {
        return submittedFiling(name, operatorToken);
    }

    private long submittedFiling(String name, String operatorToken) {
        return submittedFiling(name, operatorToken, null);
    }

    private long submittedFiling(String name, String operatorToken, LocalDate openedOn) {
        Map<String, Object> form = FilingForms.unitForm(FilingForms.newOriginalId());
        FilingForms.section(form, "account").put("name", name);
        if (openedOn != null) {
            FilingForms.section(form, "account").put("openedOn", openedOn.toString());
        }
        var created = api.post("/api/mini/filings", operatorToken, form);
        new MaterialUploads(api).completeChecklist(operatorToken, created.id(), "UNIT");
        var submitted = api.post("/api/mini/filings/" + created.id() + "/submit", operatorToken, Map.of("version", created.version()));
        assertThat(submitted.get("status")).isEqualTo("SUBMITTED");
        return created.id();
    }
}
