package cn.cac.gzh.console;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every console browser test shares: one headless Chromium per class (the subclass opens it), a screenshot of
 * the page when a test fails, no script error after any test, and the browser closed at the end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConsoleBrowserSupport {

    ConsoleBrowser browser;
    @RegisterExtension
    final TestWatcher failureScreenshots = ConsoleBrowser.screenshotOnFailure(() -> browser);

    /** Whatever a test clicked, no script of the console may have failed (a broken import, say). */
    @AfterEach
    void noJavaScriptErrors() {
        if (browser != null) {
            assertThat(browser.javaScriptErrors()).as("errors in the browser's console").isEmpty();
        }
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }
}
