package cn.cac.gzh.console;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.cac.devservices.SimulatedDocuments;
import cn.cac.testsupport.ConsoleClient;
import cn.cac.testsupport.FilingForms;
import cn.cac.testsupport.IntegrationTest;
import cn.cac.testsupport.MaterialUploads;
import cn.cac.testsupport.MiniApi;
import cn.cac.testsupport.TestFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The automatic check of the materials in the console: a filing whose responsible person's ID card photo
 * carries another name than the form is listed under 仅看材料不符 with the 材料不符 badge, and its detail
 * shows 不一致 with what the photo says, what was typed and the server's message beside the photo.
 */
@IntegrationTest
class MaterialCheckBrowserTest extends ConsoleBrowserSupport {

    private static final String ADMIN = "admin";
    /** The name the responsible person's ID card photo carries; the form says 张三 (FilingForms.unitForm). */
    private static final String NAME_ON_PHOTO = "李明";

    @LocalServerPort
    int port;

    MiniApi api;
    ConsoleClient console;

    @BeforeAll
    void start() {
        browser = new ConsoleBrowser(port);
        api = MiniApi.on(port);
        console = new ConsoleClient(port);
        assertThat(console.login(ADMIN, IntegrationTest.ADMIN_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aReviewerFindsTheFilingWhosePhotoDiffersFromTheFormAndSeesWhatDiffers() {
        String name = "核" + UUID.randomUUID().toString().substring(0, 6) + "公众号";
        String match = "配" + UUID.randomUUID().toString().substring(0, 6) + "公众号";
        long filing = submittedFiling(name, NAME_ON_PHOTO);
        long matching = submittedFiling(match, "张三");

        // the server recognises the photos after the submission: wait until the check of the ID card is done
        Map<String, Object> check = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> responsibleIdFrontCheck(filing), c -> c != null && "DONE".equals(c.get("status")));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> responsibleIdFrontCheck(matching), c -> c != null && "DONE".equals(c.get("status")));
        assertThat(check.get("mismatch")).isEqualTo(true);
        Map<String, Object> nameResult = ((List<Map<String, Object>>) check.get("results")).stream()
                .filter(result -> "NAME".equals(result.get("field"))).findFirst().orElseThrow();
        assertThat(nameResult.get("outcome")).isEqualTo("MISMATCH");
        String message = (String) nameResult.get("message");

        // the queue, narrowed to mismatches: this filing with its badge, not the one whose photos agree
        browser.signIn(ADMIN, IntegrationTest.ADMIN_PASSWORD);
        browser.navigate("待审核");
        browser.waitForText(By.cssSelector("#view table.data"), match);
        assertThat(row(match).findElements(By.cssSelector(".badge-material-mismatch"))).isEmpty();
        browser.click(By.id("filter-mismatch"));
        browser.until(d -> d.getCurrentUrl().contains("mismatch=true"));
        browser.waitForText(By.cssSelector("#view table.data"), name);
        assertThat(String.join("\n", browser.rows())).doesNotContain(match);
        assertThat(row(name).findElement(By.cssSelector(".badge-material-mismatch")).getText()).isEqualTo("材料不符");
        assertThat(browser.driver.findElement(By.id("filter-mismatch")).isSelected()).isTrue();
        browser.screenshot("review-queue-mismatch");

        // the filter is in the address: reloading keeps it
        browser.driver.navigate().refresh();
        browser.waitForText(By.cssSelector("#view table.data"), name);
        assertThat(browser.driver.findElement(By.id("filter-mismatch")).isSelected()).isTrue();
        assertThat(String.join("\n", browser.rows())).doesNotContain(match);

        // the detail: the summary above the materials, 不一致 with both names beside the ID card photo
        browser.click(By.xpath("//table[contains(@class,'data')]//a[normalize-space()='" + name + "']"));
        browser.waitForText(By.id("view"), "材料清单");
        assertThat(browser.waitForText(By.id("material-check-summary"), "处不一致"))
                .matches("自动核对发现 \\d+ 处不一致，请重点核对");
        WebElement nameCheck = browser.visible(By.cssSelector(".check-result.check-mismatch[data-check-field='NAME']"));
        assertThat(nameCheck.getText()).contains("不一致", (String) nameResult.get("fieldLabel"), message,
                "照片：" + nameResult.get("recognised"), "填写：" + nameResult.get("entered"));
        assertThat(nameResult.get("recognised")).asString().contains(NAME_ON_PHOTO.substring(0, 1));
        assertThat(browser.driver.findElement(By.id("view")).getText())
                .contains("已核对", "一致")
                .doesNotContain(FilingForms.RESPONSIBLE_ID);
        DocumentationImages.keep(browser.screenshot("review-material-mismatch"), "review-material-mismatch");

        // the filing whose photos agree: no summary, no 不一致
        browser.driver.get(browser.base + "/console/#/filings/" + matching);
        browser.waitForText(By.id("view"), "已核对");
        assertThat(browser.driver.findElements(By.id("material-check-summary"))).isEmpty();
        assertThat(browser.driver.findElements(By.cssSelector(".check-result.check-mismatch"))).isEmpty();
    }

    // ------------------------------------------------------------------ helpers

    private WebElement row(String accountName) {
        return browser.driver.findElement(By.xpath(
                "//table[contains(@class,'data')]//tr[.//a[normalize-space()='" + accountName + "']]"));
    }

    /** The check of the current RESPONSIBLE_ID_FRONT, as the console's review API reports it (null until there is one). */
    @SuppressWarnings("unchecked")
    private Map<String, Object> responsibleIdFrontCheck(long filing) {
        var detail = console.get("/api/console/review/filings/" + filing);
        assertThat(detail.status()).as(String.valueOf(detail.body())).isEqualTo(200);
        return ((List<Map<String, Object>>) detail.get("materials")).stream()
                .filter(material -> "RESPONSIBLE_ID_FRONT".equals(material.get("materialType")) && Boolean.TRUE.equals(material.get("current")))
                .findFirst()
                .map(material -> (Map<String, Object>) material.get("check"))
                .orElse(null);
    }

    /**
     * A unit filing submitted by a new operator through the mini-program API, with photos the WeChat simulator
     * reads: the responsible person's ID card carries {@code nameOnPhoto} (the form says 张三), everything else
     * agrees with the form.
     */
    private long submittedFiling(String accountName, String nameOnPhoto) {
        String token = api.loginWithConsent("material-check-" + UUID.randomUUID()).accessToken();
        Map<String, Object> form = FilingForms.unitForm(FilingForms.newOriginalId());
        FilingForms.section(form, "account").put("name", accountName);
        var created = api.post("/api/mini/filings", token, form);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);

        MaterialUploads uploads = new MaterialUploads(api);
        Map<String, Object> unit = FilingForms.section(form, "unit");
        Map<String, Object> responsible = FilingForms.section(form, "unit", "responsiblePerson");
        Map<String, Object> admin = FilingForms.section(form, "unit", "administrator");
        png(uploads, token, created.id(), "LICENCE", SimulatedDocuments.licence(FilingForms.USCC, (String) unit.get("name"),
                (String) responsible.get("name")));
        png(uploads, token, created.id(), "RESPONSIBLE_ID_FRONT", SimulatedDocuments.idCardFront(nameOnPhoto, FilingForms.RESPONSIBLE_ID));
        png(uploads, token, created.id(), "RESPONSIBLE_ID_BACK", SimulatedDocuments.idCardBack("20160101-长期"));
        png(uploads, token, created.id(), "ADMIN_ID_FRONT", SimulatedDocuments.idCardFront((String) admin.get("name"), FilingForms.ADMIN_ID));
        png(uploads, token, created.id(), "ADMIN_ID_BACK", SimulatedDocuments.idCardBack("20160101-长期"));
        uploads.upload(token, created.id(), "SIGNED_UNIT_FORM", TestFiles.jpeg(), "signed_unit_form.jpg", "image/jpeg");

        var submitted = api.post("/api/mini/filings/" + created.id() + "/submit", token, Map.of("version", created.version()));
        assertThat(submitted.get("status")).as(submitted.body().toString()).isEqualTo("SUBMITTED");
        return created.id();
    }

    private static void png(MaterialUploads uploads, String token, long filing, String type, byte[] photo) {
        uploads.upload(token, filing, type, photo, type.toLowerCase() + ".png", "image/png");
    }
}
