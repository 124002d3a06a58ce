package com.salescopilot.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.salescopilot.ai.fake.Answer;
import com.salescopilot.ai.fake.DemoAnswers;
import com.salescopilot.ai.fake.FakeOllama;
import com.salescopilot.analysis.ai.AnalysisFixtures;
import com.salescopilot.security.Actor;
import com.salescopilot.security.Role;
import com.salescopilot.support.TestData;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The analysis dashboards in a real browser: a conversation of three client statements, a full
 * analysis from the fake model (the fixture, in the session's language), and then every tab at
 * 1366×768 and 1920×1080 in English and Polish: the ECharts canvases are drawn, the panel does not
 * overlap the conversation nor overflow the page, the console stays clean, and screenshots are taken
 * ({@code target/screenshots/dashboard-*.png}).
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DashboardBrowserIT extends BrowserTest {

    static final FakeOllama fake = FakeOllama.start()
            .timeToFirstToken(Duration.ofMillis(200))
            .defaultAnswer(request -> request.hasSchema() ? analysis(request).ttft(Duration.ofMillis(300))
                    : DemoAnswers.answer(request).tokensPerSecond(200));

    static final java.util.regex.Pattern TURNS = java.util.regex.Pattern.compile("\\((\\d+) turns");

    /**
     * The fixture analysis in the session's language, its indicators moving with the conversation (so
     * the trend has a shape): temperature 28 → 41 → 52, churn risk 60 → 52 → 45, probability 20 → 30 → 40.
     */
    static Answer analysis(com.salescopilot.ai.fake.RecordedRequest request) {
        java.util.regex.Matcher m = TURNS.matcher(request.lastUserMessage());
        int turn = m.find() ? Math.max(1, Math.min(3, Integer.parseInt(m.group(1)))) : 3;
        tools.jackson.databind.node.ObjectNode tree = (tools.jackson.databind.node.ObjectNode) AnalysisFixtures.SNAKE
                .readTree(request.systemPrompt().contains("in Polish") ? AnalysisFixtures.fullJsonPolish()
                        : AnalysisFixtures.fullJson());
        tools.jackson.databind.JsonNode indicators = tree.get("indicators");
        int temperature = new int[] {28, 41, 52}[turn - 1];
        ((tools.jackson.databind.node.ObjectNode) indicators.get("purchase_temperature")).put("score", temperature)
                .put("band", temperature < 34 ? "cold" : "warm");
        int churn = new int[] {60, 52, 45}[turn - 1];
        ((tools.jackson.databind.node.ObjectNode) indicators.get("churn_risk")).put("score", churn);
        ((tools.jackson.databind.node.ObjectNode) indicators.get("sales_potential"))
                .put("probability", new int[] {20, 30, 40}[turn - 1]);
        return Answer.json(AnalysisFixtures.SNAKE.writeValueAsString(tree));
    }

    static final List<Dimension> SIZES = List.of(new Dimension(1366, 768), new Dimension(1920, 1080));

    @DynamicPropertySource
    static void model(DynamicPropertyRegistry registry) {
        registry.add("copilot.ai.base-url", fake::baseUrl);
        registry.add("copilot.analysis.worker-enabled", () -> "true");
        registry.add("copilot.analysis.poll-interval", () -> "200ms");
    }

    @AfterAll
    static void stopFake() {
        fake.close();
    }

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void onlyOurJobs() {
        jdbc.sql("update analysis_job set status = 'SUPERSEDED' where status in ('QUEUED', 'RUNNING')").update();
    }

    @Test
    void theChartsRenderAndTheDashboardsFitOnALaptopAndAFullHdScreenInBothLanguages() {
        for (String language : List.of("en", "pl")) {
            Actor seller = data.newUser(Role.SELLER, language);
            browser.driver().manage().window().setSize(SIZES.getFirst());
            browser.logoutByCookies().open("/login").loginLanguage(language);
            browser.login(seller.username(), TestData.PASSWORD);
            browser.open("/sessions");
            browser.waitFor("#client-alias input").sendKeys("Pan Zbigniew " + language);
            long sessionId = 0;
            for (String text : AnalysisFixtures.CONVERSATION) {
                browser.waitFor("#interaction-input textarea").sendKeys(text);
                browser.find("#send").click();
                browser.waitForVaadin();
                new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                        .until(d -> browser.find("#interaction-input textarea").getAttribute("value").isEmpty()
                                && browser.currentPath().matches("/sessions/\\d+"));
                sessionId = Long.parseLong(browser.currentPath().replaceFirst("^/sessions/", ""));
                long last = jdbc.sql("select max(id) from interaction where session_id = ?").param(sessionId)
                        .query(Long.class).single();
                // each statement's analysis arrives by itself before the next one (a trend of three points)
                new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(d -> jdbc.sql(
                        "select count(*) from analysis where interaction_id = ?").param(last).query(Integer.class).single() > 0);
            }
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> browser.exists("#analysis-result .analysis-nba")
                    && !browser.find(".analysis-updating").isDisplayed());
            browser.waitForVaadin();
            assertThat(browser.find("#analysis-evidence-share").getText())
                    .isEqualTo(language.equals("pl") ? "100 % cytatów dowodowych zweryfikowanych (4 z 4)"
                            : "100 % of evidence quotes verified (4 of 4)");

            for (Dimension size : SIZES) {
                browser.driver().manage().window().setSize(size);
                String name = "dashboard-" + language + "-" + size.getWidth();

                browser.find("vaadin-tab#tab-profile").click();
                waitForCharts("#chart-big-five", "#chart-disc", "#chart-schwartz");
                browser.screenshot(name + "-0-top");
                browser.find("#trait-conscientiousness").click();
                browser.waitFor("#trait-advice");
                assertLayout(size);
                scrollPanelTo("#analysis-tabs");
                browser.screenshot(name + "-1-profile");
                browser.script("document.querySelector('#chart-disc').scrollIntoView({block: 'center'})");
                browser.screenshot(name + "-2-profile-disc");

                browser.find("vaadin-tab#tab-indicators").click();
                waitForCharts("#chart-temperature", "#chart-trends");
                assertThat(browser.script("return Object.keys(window.copilotCharts.charts).length"))
                        .as("the profile's three charts were disposed when its tab was left").isEqualTo(2L);
                assertThat(browser.find("#chart-trends").getAttribute("aria-label"))
                        .contains("#1: ").contains(" 28,").contains("#2: ").contains(" 41,").contains("#3: ").contains(" 52,");
                assertLayout(size);
                browser.script("document.querySelector('#analysis-panel').scrollTop = 0");
                browser.screenshot("cockpit-ai-" + language + "-" + size.getWidth()); // the README's picture
                scrollPanelTo("#analysis-tabs");
                browser.screenshot(name + "-3-indicators");
                scrollPanelTo("#indicator-journey");
                browser.screenshot(name + "-3b-trend");

                browser.find("vaadin-tab#tab-strategy").click();
                browser.waitFor("#analysis-archetype");
                assertLayout(size);
                scrollPanelTo("#analysis-tabs");
                browser.screenshot(name + "-4-strategy");
                browser.script("document.querySelector('#analysis-panel').scrollTop = 0");
            }

            // a clarifying question answered in one click: recorded in the conversation, re-analysed, gone
            String asked = browser.find("#question-cq_1 .analysis-suggestion-text").getText();
            int analysesBefore = jdbc.sql("select count(*) from analysis where session_id = ?").param(sessionId)
                    .query(Integer.class).single();
            browser.find("#answer-cq_1-b").click();
            new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                    .until(d -> browser.exists(".interaction-clarification"));
            assertThat(browser.find(".interaction-clarification .interaction-text").getText()).startsWith(asked + " → ");
            long withClarification = sessionId;
            new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(d -> jdbc.sql(
                    "select count(*) from analysis where session_id = ?").param(withClarification)
                    .query(Integer.class).single() > analysesBefore);
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> !browser.find(".analysis-updating")
                    .isDisplayed());
            browser.waitForVaadin();
            assertThat(browser.find("#analysis-result").getText()).doesNotContain(asked);
            browser.screenshot("dashboard-" + language + "-5-clarified");
            browser.assertNoSevereConsoleErrors();
        }
    }

    /** Scrolls the analysis panel so that the element is at its top (the tabs right under the panel's edge). */
    private void scrollPanelTo(String selector) {
        browser.script("""
                const panel = document.querySelector('#analysis-panel');
                const el = document.querySelector(arguments[0]);
                panel.scrollTop += el.getBoundingClientRect().top - panel.getBoundingClientRect().top - 8;
                """, selector);
        browser.waitForVaadin();
    }

    /** Each chart has drawn a canvas of a real size (ECharts loaded, the option accepted). */
    private void waitForCharts(String... selectors) {
        for (String selector : selectors) {
            new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                    .withMessage(() -> "no canvas drawn in " + selector)
                    .until(d -> Boolean.TRUE.equals(browser.script("""
                            const el = document.querySelector(arguments[0]);
                            if (!el || el.getAttribute('data-rendered') !== 'true') return false;
                            const canvas = el.querySelector('canvas');
                            return !!canvas && canvas.width > 50 && canvas.height > 50;
                            """, selector)));
            assertThat(browser.find(selector).getAttribute("aria-label")).isNotBlank();
        }
        browser.waitForVaadin();
    }

    /** The panel is beside the conversation, not over it, and nothing makes the page scroll sideways. */
    @SuppressWarnings("unchecked")
    private void assertLayout(Dimension size) {
        Map<String, Object> box = (Map<String, Object>) browser.script("""
                const conversation = document.querySelector('.conversation-column').getBoundingClientRect();
                const panel = document.querySelector('#analysis-panel').getBoundingClientRect();
                return {conversationRight: conversation.right, panelLeft: panel.left, panelRight: panel.right,
                        panelWidth: panel.width, scrollWidth: document.documentElement.scrollWidth,
                        innerWidth: window.innerWidth};
                """);
        double conversationRight = ((Number) box.get("conversationRight")).doubleValue();
        double panelLeft = ((Number) box.get("panelLeft")).doubleValue();
        double panelRight = ((Number) box.get("panelRight")).doubleValue();
        assertThat(panelLeft).as("panel starts after the conversation at " + size).isGreaterThanOrEqualTo(conversationRight);
        assertThat(panelRight).as("panel inside the window at " + size)
                .isLessThanOrEqualTo(((Number) box.get("innerWidth")).doubleValue());
        assertThat(((Number) box.get("panelWidth")).doubleValue()).as("panel width at " + size).isGreaterThan(340);
        assertThat(((Number) box.get("scrollWidth")).intValue()).as("no sideways scrolling at " + size)
                .isLessThanOrEqualTo(((Number) box.get("innerWidth")).intValue());
    }
}
