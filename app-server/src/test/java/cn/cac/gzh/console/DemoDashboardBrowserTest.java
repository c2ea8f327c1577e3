package cn.cac.gzh.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import cn.cac.devservices.DevServicesInitializer;
import cn.cac.devservices.demo.DemoConfiguration;
import cn.cac.devservices.demo.DemoCounty;
import cn.cac.testsupport.IntegrationTest;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The demo county in a real (headless) Chromium: the demo administrator signs in with the banner's password and 概览
 * shows the county's figures (the same context as {@link DemoCountyIntegrationTest}: seeded once). The screenshot is
 * the documentation's docs/images/demo-dashboard.png ({@link DocumentationImages}: with {@code -Ddocs.screenshots=true}).
 */
@IntegrationTest
@Import(DemoConfiguration.class)
// a database, bucket and simulator of its own, like a fresh run command: the other tests neither see its 300 filings
// nor add to its counts
@TestPropertySource(properties = DevServicesInitializer.PRIVATE_TWINS + "=true")
class DemoDashboardBrowserTest extends ConsoleBrowserSupport {

    @LocalServerPort
    int port;
    @Autowired
    DemoCounty demo;

    @BeforeAll
    void start() throws Exception {
        demo.awaitSeeded(Duration.ofMinutes(3));
        browser = new ConsoleBrowser(port);
    }

    @Test
    void theDemoAdministratorSeesALivingCounty() {
        browser.signIn("demo-admin", demo.staffPasswords().get("demo-admin"));
        String tiles = browser.waitForText(By.cssSelector("#view .stats"), "备案总数");
        assertThat(tiles).contains("300", "待审核", "40", "已备案", "165", "已退回", "25", "逾期未备案");
        assertThat(browser.driver.findElement(By.id("view")).getText()).contains("按乡镇（办事处）", "城关回族镇", "按主体类型");
        Path shot = browser.screenshot("demo-dashboard");
        assertThat(shot).isNotEmptyFile();
        DocumentationImages.keep(shot, "demo-dashboard");
    }
}
