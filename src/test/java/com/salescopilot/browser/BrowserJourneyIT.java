package com.salescopilot.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.salescopilot.security.Actor;
import com.salescopilot.security.Role;
import com.salescopilot.support.TestData;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/**
 * The user's journey in a real headless Chromium (see {@link BrowserTest}). Screenshots land in
 * {@code target/screenshots}.
 */
class BrowserJourneyIT extends BrowserTest {

    /** True once the UI's dashboard view exists (the foundation issue adds it; this test then requires it). */
    static final boolean DASHBOARD_EXISTS = classExists("com.salescopilot.session.ui.DashboardView");

    @Test
    void aNewSellerLogsInAndSeesTheDashboardInPolishAndInEnglish() {
        for (String language : new String[] {"pl", "en"}) {
            Actor seller = data.newUser(Role.SELLER, language);
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
                assertThat(browser.waitFor("#logout").getText()).isEqualTo(texts.getString("nav.logout"));
                assertThat(browser.find(".current-user").getText()).contains(seller.username());
                browser.screenshot("dashboard-" + language);
                browser.assertNoSevereConsoleErrors();
            } else {
                // Until the dashboard view lands, "/" has no route: what the server answers there is not checked.
                browser.screenshot("after-login-" + language);
                browser.drainConsole();
            }
        }
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
