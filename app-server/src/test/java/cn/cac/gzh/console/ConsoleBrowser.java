package cn.cac.gzh.console;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver (nothing is downloaded), with a fresh
 * profile, a download folder, and the Noto Sans SC font from the classpath so screenshots show Chinese
 * text on machines without CJK fonts.
 */
final class ConsoleBrowser implements AutoCloseable {

    /** For {@code @RegisterExtension}: on a failure, saves the page as it was for whoever reads the report. */
    static TestWatcher screenshotOnFailure(Supplier<ConsoleBrowser> browser) {
        return new TestWatcher() {
            @Override
            public void testFailed(ExtensionContext context, Throwable cause) {
                if (browser.get() != null) {
                    browser.get().screenshot("failed-" + context.getRequiredTestMethod().getName());
                }
            }
        };
    }

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final Path SCREENSHOTS = Path.of(System.getProperty("basedir", "."), "target", "screenshots");

    private final Path home;
    final Path downloads;
    final ChromeDriver driver;
    final WebDriverWait wait;
    final String base;

    ConsoleBrowser(int port) {
        for (String executable : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(Path.of(executable))) {
                throw new IllegalStateException(executable + " is missing: install Debian's chromium and chromium-driver "
                        + "(apt-get install chromium chromium-driver) to run the console browser tests");
            }
        }
        try {
            home = Files.createTempDirectory("console-browser");
            downloads = Files.createDirectories(home.resolve("downloads"));
            Path profile = Files.createDirectories(home.resolve("profile"));
            Path fontConfig = fontConfig(home);

            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER))
                    .usingAnyFreePort()
                    .withEnvironment(Map.of("FONTCONFIG_FILE", fontConfig.toString()))
                    .build();
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--window-size=1400,1000", "--lang=zh-CN", "--user-data-dir=" + profile);
            Map<String, Object> prefs = new HashMap<>();
            prefs.put("download.default_directory", downloads.toString());
            prefs.put("download.prompt_for_download", false);
            prefs.put("intl.accept_languages", "zh-CN,zh");
            options.setExperimentalOption("prefs", prefs);
            // the browser's console (errors of the page's scripts), read by javaScriptErrors()
            LoggingPreferences logging = new LoggingPreferences();
            logging.enable(LogType.BROWSER, Level.ALL);
            options.setCapability(ChromeOptions.LOGGING_PREFS, logging);
            driver = new ChromeDriver(service, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        driver.executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toString(), "eventsEnabled", false));
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.pollingEvery(Duration.ofMillis(100)).ignoring(StaleElementReferenceException.class);
        base = "http://127.0.0.1:" + port;
    }

    /** A fontconfig file: the system's fonts plus Noto Sans SC copied out of the ph-fonts jar. */
    private static Path fontConfig(Path home) throws IOException {
        Path fonts = Files.createDirectories(home.resolve("fonts"));
        for (String weight : List.of("Regular", "Bold")) {
            String resource = "/fonts/ttf/NotoSansSC/NotoSansSC-" + weight + ".ttf";
            try (InputStream in = ConsoleBrowser.class.getResourceAsStream(resource)) {
                if (in != null) {
                    Files.copy(in, fonts.resolve("NotoSansSC-" + weight + ".ttf"), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Path file = home.resolve("fonts.conf");
        Files.writeString(file, """
                <?xml version="1.0"?>
                <!DOCTYPE fontconfig SYSTEM "fonts.dtd">
                <fontconfig>
                  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
                  <dir>%s</dir>
                  <cachedir>%s</cachedir>
                </fontconfig>
                """.formatted(fonts, home.resolve("font-cache")));
        return file;
    }

    /** Opens the console with no session: the login form. */
    void openSignedOut() {
        driver.get(base + "/console/");
        driver.manage().deleteAllCookies();
        driver.executeScript("sessionStorage.clear()");
        driver.get(base + "/console/#/login");
        driver.navigate().refresh();
        visible(By.id("login-username"));
    }

    /** Signs in through the form and waits for the navigation. */
    void signIn(String username, String password) {
        openSignedOut();
        type(By.id("login-username"), username);
        type(By.id("login-password"), password);
        driver.findElement(By.id("login-submit")).click();
        visible(By.cssSelector("#nav .nav-link"));
        waitForText(By.id("user-name"), username);
    }

    void navigate(String title) {
        driver.findElement(By.xpath("//nav[@id='nav']/a[normalize-space()='" + title + "']")).click();
        wait.until(d -> d.findElement(By.cssSelector("#nav .nav-link.active")).getText().equals(title));
    }

    WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    void click(By by) {
        wait.until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    void type(By by, String text) {
        WebElement element = visible(by);
        element.clear();
        element.sendKeys(text);
    }

    /** Waits until the element's text contains {@code text}; returns the whole text. */
    String waitForText(By by, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).pollingEvery(Duration.ofMillis(100))
                .ignoring(StaleElementReferenceException.class)
                .withMessage("waiting for '" + text + "' in " + by)
                .until(d -> d.findElement(by).getText().contains(text));
        return driver.findElement(by).getText();
    }

    <T> T until(Function<WebDriver, T> condition) {
        return wait.until(condition);
    }

    /** The id the address names once it has become {@code #/<route>/<id>} (e.g. a draft's first save). */
    long idInAddress(String route) {
        return Long.parseLong(until(d -> {
            String url = d.getCurrentUrl();
            return url.matches(".*#/" + route + "/\\d+$") ? url.replaceAll(".*/", "") : null;
        }));
    }

    /** The text of each body row of the first data table in the view (cells joined by " | "). */
    List<String> rows() {
        return driver.findElements(By.cssSelector("#view table.data tbody tr")).stream()
                .map(row -> String.join(" | ", row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList()))
                .toList();
    }

    /**
     * The errors the page's scripts wrote to the browser's console since the last call: uncaught
     * exceptions, modules that failed to load or link (404, wrong MIME type, a missing export). The
     * API's own error answers (a wrong password's 401, a form's 400) are expected and left out.
     */
    List<String> javaScriptErrors() {
        String api = base + "/api/";
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                // another origin's messages (the storage's tab a material link opens) are not the console's
                .filter(message -> !message.startsWith("http") || message.startsWith(base + "/"))
                .filter(message -> !(message.startsWith(api) && message.contains("Failed to load resource")))
                .toList();
    }

    /** Saves the whole page (not only the window) as target/screenshots/{name}.png. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            @SuppressWarnings("unchecked")
            Map<String, Object> metrics = (Map<String, Object>) driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
            @SuppressWarnings("unchecked")
            Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
            double width = ((Number) size.get("width")).doubleValue();
            @SuppressWarnings("unchecked")
            Map<String, Object> viewport = (Map<String, Object>) metrics.get("cssLayoutViewport");
            double height = Math.min(5000, Math.max(((Number) viewport.get("clientHeight")).doubleValue(),
                    ((Number) size.get("height")).doubleValue()));
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                    "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // a temp folder left behind is harmless
            }
        }
    }
}
