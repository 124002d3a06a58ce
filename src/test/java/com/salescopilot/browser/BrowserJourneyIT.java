package com.salescopilot.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.salescopilot.security.Actor;
import com.salescopilot.security.Role;
import com.salescopilot.session.Conclusion;
import com.salescopilot.session.RecordInteraction;
import com.salescopilot.session.SessionService;
import com.salescopilot.support.TestData;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The user's journey in a real headless Chromium (see {@link BrowserTest}). Screenshots land in
 * {@code target/screenshots}.
 */
class BrowserJourneyIT extends BrowserTest {

    @Autowired
    SessionService sessions;

    /** True once the UI's dashboard view exists (the foundation issue adds it; this test then requires it). */
    static final boolean DASHBOARD_EXISTS = classExists("com.salescopilot.session.ui.DashboardView");

    @Test
    void aNewSellerLogsInAndSeesTheDashboardInPolishAndInEnglish() {
        for (String language : new String[] {"pl", "en"}) {
            Actor seller = data.newUser(Role.SELLER, language);
            // two conversations, one of them concluded, so that the dashboard has rows in both states
            long won = sessions.record(seller, new RecordInteraction(null, null, "Pani Żaneta (Łódź)", "client_statement",
                    "Pyta o zasięg zimą i porównuje z BMW iX3.", null)).interaction().sessionId();
            sessions.conclude(seller, won, new Conclusion("won", null, null, null, null, "Test drive, then signed."), null);
            sessions.record(seller, new RecordInteraction(null, null, "Mr Brown, fleet of 12", "question",
                    "Asks about financing for a company fleet.", null));
            ResourceBundle texts = ResourceBundle.getBundle("vaadin-i18n/translations", Locale.forLanguageTag(language),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

            browser.logoutByCookies().open("/login").loginLanguage(language);
            browser.waitFor("vaadin-login-form input[name='username']");
            assertThat(browser.driver().getTitle()).isEqualTo(texts.getString("login.page-title"));
            browser.screenshot("login-" + language);
            browser.assertNoSevereConsoleErrors();

            browser.login(seller.username(), TestData.PASSWORD);
            assertThat(browser.currentPath()).doesNotContain("login");
            assertThat(browser.fetchStatus("/api/v1/sessions")).as("the browser's session is logged in").isEqualTo(200);
            if (DASHBOARD_EXISTS) {
                browser.waitFor(".dashboard-view");
                assertThat(browser.waitFor("vaadin-grid").getText()).contains("Pani Żaneta (Łódź)", "Mr Brown, fleet of 12");
                assertThat(browser.waitFor("#logout").getText()).isEqualTo(texts.getString("nav.logout"));
                assertThat(browser.find(".current-user").getText()).contains(seller.username());
                browser.screenshot("dashboard-" + language);
                browser.assertNoSevereConsoleErrors();

                // an address that names no view, and the admins' Users view: the translated "not found" page
                for (String path : new String[] {"/no-such-page", "/users"}) {
                    browser.open(path);
                    assertThat(browser.waitFor(".not-found").getText()).as(path)
                            .contains(texts.getString("notfound.title"), texts.getString("notfound.text"))
                            .doesNotContain("Could not navigate");
                    browser.drainConsole(); // the page is served with HTTP 404, which the console reports
                }
                browser.screenshot("not-found-" + language);

                // the knowledge base, as a seller reads it (managers and admins edit)
                browser.open("/knowledge");
                browser.waitFor(".knowledge-view");
                assertThat(browser.waitFor(".knowledge-view").getText()).contains(texts.getString("knowledge.title"));
                assertThat(browser.exists("#knowledge-search")).isTrue();
                browser.screenshot("knowledge-" + language);
                browser.assertNoSevereConsoleErrors();
            } else {
                // Until the dashboard view lands, "/" has no route: what the server answers there is not checked.
                browser.screenshot("after-login-" + language);
                browser.drainConsole();
            }
        }
    }

    /**
     * The foundation journey, by hand: log in, start a new conversation, send two interactions, find
     * the session on the dashboard, reopen it, conclude it, and see it closed (✅) on the dashboard.
     */
    @Test
    void aSellerRunsAConversationFromTheFirstWordsToTheConclusion() {
        Actor seller = data.newUser(Role.SELLER, "en");
        String alias = "Journey client " + seller.username();
        browser.logoutByCookies().open("/login").loginLanguage("en");
        browser.login(seller.username(), TestData.PASSWORD);
        browser.waitFor(".dashboard-view");

        browser.waitFor("#new-conversation").click();
        browser.waitForVaadin();
        browser.waitFor("#client-alias input").sendKeys(alias);
        browser.find("#interaction-input textarea").sendKeys("Asks about the winter range and compares with the BMW iX3.");
        browser.find("#send").click();
        browser.waitForVaadin();
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(20))
                .until(d -> d.getCurrentUrl().matches(".*/sessions/\\d+$"));
        String url = browser.driver().getCurrentUrl();
        long sessionId = Long.parseLong(url.substring(url.lastIndexOf('/') + 1));

        // the second one with Ctrl+Enter, as a seller types
        org.openqa.selenium.WebElement input = browser.waitFor("#interaction-input textarea");
        input.sendKeys("Wants numbers: total cost over five years.");
        input.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, org.openqa.selenium.Keys.ENTER));
        browser.waitForVaadin();
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(20))
                .until(d -> d.findElements(org.openqa.selenium.By.cssSelector("#conversation-history .interaction")).size() == 2);
        assertThat(browser.find("#conversation-history").getText())
                .contains("winter range", "total cost over five years");
        browser.screenshot("journey-1-cockpit-two-interactions");

        // Back leaves the conversation for the page before it (not an empty "new conversation" form); Forward returns
        browser.driver().navigate().back();
        browser.waitFor(".dashboard-view");
        browser.driver().navigate().forward();
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(20))
                .until(d -> d.getCurrentUrl().endsWith("/sessions/" + sessionId));
        assertThat(browser.waitFor("#conversation-history").getText()).contains("winter range", "total cost over five years");

        browser.open("/");
        browser.waitFor("#sessions-grid");
        org.openqa.selenium.By row = org.openqa.selenium.By.xpath("//vaadin-grid-cell-content[contains(., '" + alias + "')]");
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(20))
                .until(d -> !d.findElements(row).isEmpty());
        browser.screenshot("journey-2-dashboard-active");
        browser.driver().findElement(row).click();
        browser.waitForVaadin();
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(20))
                .until(d -> d.getCurrentUrl().endsWith("/sessions/" + sessionId));
        assertThat(browser.waitFor("#conversation-history").getText()).contains("winter range", "total cost over five years");

        browser.waitFor("#conclude").click();
        browser.waitForVaadin();
        browser.waitFor("#conclude-outcome vaadin-radio-button").click(); // the first: the client bought
        browser.waitFor("#conclude-note textarea").sendKeys("Signed after the test drive.");
        browser.screenshot("journey-3-conclude-dialog");
        browser.find("#conclude-save").click();
        browser.waitForVaadin();
        assertThat(browser.waitFor("#outcome-summary").getText()).contains("✅");
        assertThat(browser.find("#interaction-input").isDisplayed()).as("a closed session is read-only").isFalse();
        assertThat(browser.find("#conclude").isDisplayed()).isFalse();
        browser.screenshot("journey-4-concluded");

        browser.open("/");
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(20))
                .until(d -> !d.findElements(row).isEmpty());
        assertThat(browser.find("#sessions-grid").getText()).contains("✅");
        browser.screenshot("journey-5-dashboard-closed");
        browser.assertNoSevereConsoleErrors();
    }

    /**
     * A manager imports a CSV file through the real Upload widget, in Polish and in English: the file goes
     * over HTTP to the server, the import runs in the background and pushes its report (in the manager's
     * language, as are the widget's own texts) into the dialog, and the new nuggets are in the list without
     * a reload.
     */
    @Test
    void aManagerImportsAKnowledgeFileThroughTheUpload() throws Exception {
        for (String language : new String[] {"pl", "en"}) {
            ResourceBundle texts = ResourceBundle.getBundle("vaadin-i18n/translations", Locale.forLanguageTag(language),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            Actor manager = data.newUser(Role.MANAGER, language);
            String tag = "upload" + manager.username().replaceAll("[^a-z0-9]", "");
            java.nio.file.Path file = java.nio.file.Files.createTempFile("wiedza-", ".csv");
            StringBuilder csv = new StringBuilder("id,type,title,content,tags\n");
            for (int i = 1; i <= 40; i++) {
                csv.append(tag).append('-').append(i).append(",financing,Rata ").append(tag).append(' ').append(i)
                        .append(",Leasing konsumencki: rata nr ").append(i).append(".,").append(tag).append('\n');
            }
            csv.append(tag).append("-bad,product,Bez treści,,").append(tag).append('\n');
            java.nio.file.Files.writeString(file, csv.toString());

            browser.logoutByCookies().open("/login").loginLanguage(language);
            browser.login(manager.username(), TestData.PASSWORD);
            browser.open("/knowledge");
            browser.waitFor(".knowledge-view");
            browser.waitFor("#knowledge-import").click();
            browser.waitFor("#knowledge-upload");
            // the upload's native file input (in the light DOM or in the component's shadow root)
            org.openqa.selenium.WebElement input = (org.openqa.selenium.WebElement) browser.script("""
                    const upload = document.querySelector('#knowledge-upload');
                    return upload.querySelector('input[type=file]')
                        || (upload.shadowRoot && upload.shadowRoot.querySelector('input[type=file]'));""");
            assertThat(input).as("the upload's file input").isNotNull();
            input.sendKeys(file.toAbsolutePath().toString());

            String done = java.text.MessageFormat.format(texts.getString("knowledge.import.done"), 40, 0, 0, 1);
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(30))
                    .until(d -> browser.find("#knowledge-import-status").getText().equals(done));
            Locale locale = Locale.forLanguageTag(language);
            String rowError = new java.text.MessageFormat(texts.getString("knowledge.import.row-error"), locale)
                    .format(new Object[] {42, new java.text.MessageFormat(texts.getString("knowledge.error.content"),
                            locale).format(new Object[] {com.salescopilot.knowledge.KnowledgeService.CONTENT_MAX})});
            assertThat(spaces(browser.find("#knowledge-import-report").getText())).contains(spaces(rowError));
            // the upload widget's own texts are in the manager's language too
            assertThat(browser.find("#knowledge-upload").getText()).contains(
                    texts.getString("knowledge.upload.add").replace("…", ""),
                    texts.getString("knowledge.upload.drop"));
            if (language.equals("pl")) {
                assertThat(browser.find("#knowledge-upload").getText()).doesNotContain("Upload").doesNotContain("Drop");
            }
            browser.screenshot("knowledge-import-" + language);
            browser.find("#knowledge-import-close").click();
            browser.waitForVaadin();
            // the list shows the new nuggets without a reload (newest first)
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(20))
                    .until(d -> browser.find(".knowledge-view vaadin-grid").getText().contains("Rata " + tag));
            browser.assertNoSevereConsoleErrors();
        }
    }

    /** The page's text with its non-breaking spaces (number grouping) as plain ones. */
    private static String spaces(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    private static boolean classExists(String name) {
        try {
            Class.forName(name, false, BrowserJourneyIT.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
