package com.salescopilot.browser;

import com.salescopilot.support.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base of the real-browser tests: the application on a random port with the test profile (real
 * PostgreSQL, Liquibase schema), a fresh headless Chromium per test, and a screenshot
 * {@code target/screenshots/FAILED-<test>.png} when a test fails. Name subclasses {@code *IT} so that
 * failsafe runs them in {@code ./mvnw verify}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // Vaadin's dev-tools overlay would cover part of every screenshot
        properties = "vaadin.devmode.devTools.enabled=false")
@ActiveProfiles("test")
@Import(TestData.class)
@ExtendWith(BrowserTest.ScreenshotOnFailure.class)
public abstract class BrowserTest {

    @LocalServerPort
    protected int port;
    @Autowired
    protected TestData data;

    protected Browser browser;

    @BeforeEach
    void startBrowser() {
        browser = Browser.start("http://127.0.0.1:" + port);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    /** Runs before {@code @AfterEach}, while the browser still shows what went wrong. */
    static class ScreenshotOnFailure implements AfterTestExecutionCallback {
        @Override
        public void afterTestExecution(ExtensionContext context) {
            if (context.getExecutionException().isPresent()
                    && context.getRequiredTestInstance() instanceof BrowserTest test && test.browser != null) {
                try {
                    test.browser.screenshot("FAILED-" + context.getRequiredTestMethod().getName());
                } catch (RuntimeException e) {
                    context.getExecutionException().get().addSuppressed(e);
                }
            }
        }
    }
}
