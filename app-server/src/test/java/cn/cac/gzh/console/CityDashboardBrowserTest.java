package cn.cac.gzh.console;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.cac.testsupport.ConsoleClient;
import cn.cac.testsupport.FilingForms;
import cn.cac.testsupport.IntegrationTest;
import cn.cac.testsupport.MiniApi;
import cn.cac.testsupport.SecondCounty;
import cn.cac.testsupport.Submissions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The city view in a real (headless) Chromium: the city administrator's 概览 lists 各县（区）情况 with 睢县 and 民权县,
 * a click on 民权县 opens that county's dashboard (its numbers, 返回全市), and a county office's 概览 has no table.
 * The city administrator adds a county and imports its place names on 县（区）与地名. The city office's 审计日志 names
 * each entry's county and filters by it; a county administrator's has neither.
 * Screenshots: city-dashboard, city-dashboard-county, city-counties, city-audit-county.
 */
@IntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CityDashboardBrowserTest extends ConsoleBrowserSupport {

    private static final String ADMIN = "admin";
    private static final String MINQUAN = SecondCounty.CODE;
    private static final String PASSWORD = "City-Browser-2026";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    MiniApi api;
    ConsoleClient console;

    @BeforeAll
    void start() {
        SecondCounty.ensure(jdbc);
        browser = new ConsoleBrowser(port);
        api = MiniApi.on(port);
        console = new ConsoleClient(port);
        assertThat(console.login(ADMIN, IntegrationTest.ADMIN_PASSWORD).status()).isEqualTo(200);
        String token = api.loginWithConsent("city-browser-" + UUID.randomUUID()).accessToken();
        Submissions.unitFiling(api, token, FilingForms.newOriginalId(), MINQUAN);
        Submissions.unitFiling(api, token, FilingForms.newOriginalId(), MINQUAN);
        Submissions.unitFiling(api, token, FilingForms.newOriginalId(), null);
        api.post("/api/mini/filings", token, form(null));
    }

    @Test
    @Order(1)
    @SuppressWarnings("unchecked")
    void theCityAdministratorSeesEveryCountyAndOpensOnesDashboard() {
        browser.signIn(ADMIN, IntegrationTest.ADMIN_PASSWORD);
        browser.visible(By.id("dashboard-counties"));
        assertThat(browser.driver.findElement(By.cssSelector("#view h2")).getText()).isEqualTo("概览");
        assertThat(browser.driver.findElement(By.cssSelector("#dashboard-counties h3")).getText()).isEqualTo("各县（区）情况");
        assertThat(browser.driver.findElements(By.cssSelector("#dashboard-counties th")).stream().map(WebElement::getText))
                .containsExactly("县（区）", "备案总数", "待审核", "已备案", "逾期未备案");

        // one row per county, with the API's numbers
        List<Map<String, Object>> byCounty = (List<Map<String, Object>>) console.get("/api/console/dashboard").get("byCounty");
        List<String> rows = countyRows();
        assertThat(rows).hasSize(byCounty.size());
        assertThat(String.join("\n", rows)).contains("睢县", "民权县");
        for (Map<String, Object> county : byCounty) {
            assertThat(rows).contains(String.join(" | ", (String) county.get("countyName"), str(county.get("total")),
                    str(county.get("submitted")), str(county.get("approved")), str(county.get("overdue"))));
        }
        browser.screenshot("city-dashboard");

        // 民权县's own dashboard
        browser.click(By.cssSelector("#dashboard-counties a[data-county='" + MINQUAN + "']"));
        browser.waitForText(By.cssSelector("#view h2"), "民权县");
        assertThat(browser.driver.getCurrentUrl()).endsWith("#/dashboard?county=" + MINQUAN);
        browser.visible(By.cssSelector(".stat"));
        Map<String, Object> minquan = console.get("/api/console/dashboard?county=" + MINQUAN).body();
        Map<String, Object> byStatus = (Map<String, Object>) minquan.get("byStatus");
        assertThat(((Number) minquan.get("total")).longValue()).isEqualTo(
                jdbc.queryForObject("SELECT COUNT(*) FROM filing WHERE county_code = ?", Long.class, MINQUAN));
        assertThat(statValue("备案总数")).isEqualTo(str(minquan.get("total")));
        assertThat(statValue("待审核")).isEqualTo(str(byStatus.get("SUBMITTED"))).isNotEqualTo("0");
        assertThat(statValue("已备案")).isEqualTo(str(byStatus.get("APPROVED")));
        assertThat(statValue("逾期未备案")).isEqualTo(str(minquan.get("overdue")));
        assertThat(statValue("待收纸质材料")).isEqualTo(str(minquan.get("awaitingPaper")));
        assertThat(statValue("备案总数")).isNotEqualTo(str(console.get("/api/console/dashboard").get("total")));
        assertThat(browser.driver.findElements(By.id("dashboard-counties"))).as("no county table for one county").isEmpty();
        assertThat(browser.driver.findElement(By.cssSelector("#view h2")).getText()).isEqualTo("概览 · 民权县");
        // the tiles open the county's lists
        assertThat(browser.driver.findElement(By.cssSelector("[data-stat='备案总数']")).getAttribute("href"))
                .endsWith("#/registry?county=" + MINQUAN);
        browser.screenshot("city-dashboard-county");

        // the registry from the tile keeps to the county
        browser.click(By.cssSelector("[data-stat='备案总数']"));
        browser.visible(By.id("filter-county"));
        assertThat(new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("filter-county")))
                .getFirstSelectedOption().getText()).isEqualTo("民权县");
        assertThat(browser.driver.findElement(By.cssSelector(".pager-info")).getText()).contains("共 " + str(minquan.get("total")) + " 条");
        // the registry's own county picker: the whole city again
        new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("filter-county"))).selectByVisibleText("全市");
        browser.click(By.id("filter-submit"));
        browser.waitForText(By.cssSelector(".pager-info"), "共 " + str(console.get("/api/console/registry").get("total")) + " 条");
        assertThat(browser.driver.getCurrentUrl()).doesNotContain("county=");
        browser.driver.navigate().back();

        // and back to the whole city
        browser.driver.navigate().back();
        browser.click(By.id("dashboard-citywide"));
        browser.visible(By.id("dashboard-counties"));
        assertThat(browser.driver.findElement(By.cssSelector("#view h2")).getText()).isEqualTo("概览");
    }

    @Test
    @Order(2)
    void aCountyOfficeSeesItsOwnCountyWithoutTheTable() {
        String username = "mqb" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(console.post("/api/console/admin/staff", Map.of("username", username, "displayName", "民权县审核员",
                "password", PASSWORD, "roles", List.of("REVIEWER"), "scopeCode", MINQUAN)).status()).isEqualTo(201);
        ConsoleClient county = new ConsoleClient(port);
        assertThat(county.login(username, PASSWORD).status()).isEqualTo(200);

        browser.signIn(username, PASSWORD);
        browser.visible(By.cssSelector(".stat"));
        assertThat(browser.driver.findElement(By.cssSelector("#view h2")).getText()).isEqualTo("概览");
        assertThat(browser.driver.findElements(By.id("dashboard-counties"))).isEmpty();
        assertThat(statValue("备案总数")).isEqualTo(str(county.get("/api/console/dashboard").get("total")))
                .isEqualTo(str(jdbc.queryForObject("SELECT COUNT(*) FROM filing WHERE county_code = ?", Long.class, MINQUAN)));

        // another county's dashboard is refused with the server's message
        browser.driver.get(browser.base + "/console/#/dashboard?county=411422");
        browser.waitForText(By.cssSelector("#view .message-error"), "只能查看本县（区）的数据");
    }

    @Test
    @Order(3)
    @SuppressWarnings("unchecked")
    void theCityAdministratorAddsACountyAndImportsItsPlaceNames() {
        browser.signIn(ADMIN, IntegrationTest.ADMIN_PASSWORD);
        assertThat(browser.driver.findElement(By.id("topbar-office")).getText()).isEqualTo("商丘市网信办 · 工作台");
        browser.navigate("县（区）与地名");
        browser.visible(By.id("counties"));
        // a county code of 商丘市 this (long-lived) test database does not have yet
        List<String> taken = jdbc.queryForList("SELECT code FROM region_county", String.class);
        String code = java.util.stream.IntStream.rangeClosed(1, 98).mapToObj(n -> String.format("4114%02d", n))
                .filter(c -> !taken.contains(c) && !c.endsWith("00")).reduce((first, last) -> last).orElseThrow();
        String name = "浏览" + code.substring(4) + "县";
        browser.type(By.id("new-county-code"), code);
        browser.type(By.id("new-county-name"), name);
        browser.click(By.id("new-county-submit"));
        browser.waitForText(By.id("place-name-message"), "已新增" + name);
        assertThat(browser.driver.getCurrentUrl()).endsWith("#/place-names?county=" + code);
        browser.type(By.id("import-text"), "镇 浏览新镇\n乡镇简称 浏览新 浏览新镇\n本地特征 浏览湖");
        browser.click(By.id("import-submit"));
        browser.waitForText(By.id("place-name-message"), "已导入：乡镇 1 个、地名词 2 个");
        assertThat(browser.waitForText(By.id("place-names-table"), "浏览湖")).contains(name, "浏览新镇", "浏览新");
        assertThat(browser.driver.findElement(By.id("counties")).getText()).contains(name);
        assertThat((List<Map<String, Object>>) console.get("/api/console/admin/place-names?county=" + code).get("placeNames"))
                .hasSize(4);
        browser.screenshot("city-counties");
        // a faulty list is refused with the lines named, and nothing is written
        browser.type(By.id("import-text"), "城区 老城");
        browser.click(By.id("import-submit"));
        assertThat(browser.waitForText(By.id("import-message"), "第1行")).contains("类别“城区”无法识别");
        assertThat((List<Map<String, Object>>) console.get("/api/console/admin/place-names?county=" + code).get("placeNames"))
                .hasSize(4);
        assertThat(browser.javaScriptErrors()).isEmpty();
    }

    @Test
    @Order(4)
    void theCityOfficesAuditLogHasACountyColumnAndFilterAndACountyAdministratorsHasNeither() {
        String username = "mqa" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(console.post("/api/console/admin/staff", Map.of("username", username, "displayName", "民权县管理员",
                "password", PASSWORD, "roles", List.of("ADMIN"), "scopeCode", MINQUAN)).status()).isEqualTo(201);

        // the city office: 县（区） names each entry's county (全市 for a city-wide one); filtered to 民权县, only its entries
        browser.signIn(ADMIN, IntegrationTest.ADMIN_PASSWORD);
        browser.navigate("审计日志");
        browser.visible(By.id("audit-verify"));
        assertThat(browser.driver.findElements(By.cssSelector("#view table.data th")).stream().map(WebElement::getText))
                .contains("县（区）");
        browser.waitForText(By.cssSelector("#view table.data"), "全市");
        new Select(browser.visible(By.id("audit-county"))).selectByVisibleText("民权县");
        browser.type(By.id("audit-action"), "STAFF_CREATED");
        browser.click(By.id("audit-submit"));
        browser.until(d -> d.getCurrentUrl().contains("county=" + MINQUAN));
        browser.waitForText(By.cssSelector("#view table.data"), "民权县");
        assertThat(browser.rows()).isNotEmpty().allSatisfy(row -> assertThat(row).contains("民权县"));
        browser.screenshot("city-audit-county");

        // a county administrator: its county's entries, no county column, no chain verification
        browser.signIn(username, PASSWORD);
        browser.navigate("审计日志");
        browser.visible(By.id("audit-submit"));
        assertThat(browser.driver.findElements(By.id("audit-verify"))).isEmpty();
        assertThat(browser.driver.findElements(By.id("audit-county"))).isEmpty();
        assertThat(browser.driver.findElements(By.cssSelector("#view table.data th")).stream().map(WebElement::getText))
                .doesNotContain("县（区）");
    }

    @Test
    @Order(5)
    @SuppressWarnings("unchecked")
    void theCityOfficeAddressesAPushToSomeCountiesAndACountyOfficeHasNoChoice() {
        browser.signIn(ADMIN, IntegrationTest.ADMIN_PASSWORD);
        browser.navigate("政策推送");
        browser.click(By.id("push-new"));
        browser.waitForText(By.cssSelector("#view h2"), "新建推送");
        browser.visible(By.id("push-counties"));
        String title = "民权县专项通知" + UUID.randomUUID().toString().substring(0, 6);
        browser.type(By.id("push-title"), title);
        browser.type(By.id("push-summary"), "请民权县尚未备案的公众号尽快完成登记备案。");
        WebElement body = browser.visible(By.id("push-body"));
        body.click();
        body.sendKeys("请按通知要求办理。");
        browser.click(By.id("push-county-" + MINQUAN));
        browser.click(By.id("push-save"));
        browser.waitForText(By.id("push-message"), "已保存草稿");
        long id = browser.idInAddress("push-edit");
        var saved = console.get("/api/console/pushes/" + id);
        assertThat(((Map<String, Object>) saved.get("audience")).get("counties")).isEqualTo(List.of(MINQUAN));
        // not for the audiences that do not read the registry
        browser.click(By.id("push-audience-followers"));
        assertThat(browser.driver.findElement(By.id("push-counties")).isDisplayed()).isFalse();

        browser.driver.get(browser.base + "/console/#/push/" + id);
        browser.waitForText(By.id("push-facts"), "县（区）：民权县");

        // a county office's pushes reach its own county: no choice offered
        String username = "mqp" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(console.post("/api/console/admin/staff", Map.of("username", username, "displayName", "民权县发布员",
                "password", PASSWORD, "roles", List.of("PUBLISHER"), "scopeCode", MINQUAN)).status()).isEqualTo(201);
        browser.signIn(username, PASSWORD);
        browser.navigate("政策推送");
        browser.click(By.id("push-new"));
        browser.waitForText(By.cssSelector("#view h2"), "新建推送");
        browser.visible(By.id("push-audience-approved"));
        assertThat(browser.driver.findElements(By.id("push-counties"))).isEmpty();
    }

    private List<String> countyRows() {
        return browser.driver.findElements(By.cssSelector("#dashboard-counties tbody tr")).stream()
                .map(row -> String.join(" | ", row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList()))
                .toList();
    }

    private String statValue(String label) {
        return browser.driver.findElement(By.cssSelector("[data-stat='" + label + "'] .stat-value")).getText();
    }

    private static String str(Object value) {
        return String.valueOf(value);
    }

    private static Map<String, Object> form(String countyCode) {
        Map<String, Object> form = FilingForms.unitForm(FilingForms.newOriginalId());
        if (countyCode != null) {
            form.put("countyCode", countyCode);
        }
        return form;
    }
}
