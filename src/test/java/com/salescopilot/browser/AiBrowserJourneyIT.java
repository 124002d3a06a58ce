package com.salescopilot.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.salescopilot.ai.fake.Answer;
import com.salescopilot.ai.fake.DemoAnswers;
import com.salescopilot.ai.fake.FakeOllama;
import com.salescopilot.security.Actor;
import com.salescopilot.security.Role;
import com.salescopilot.support.TestData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The AI engine in a real browser, with the fake Ollama as the model: the answer streams in word by
 * word, the deep analysis arrives in the open page without a reload, and 👍 is recorded.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AiBrowserJourneyIT extends BrowserTest {

    static final FakeOllama fake = FakeOllama.start()
            .timeToFirstToken(Duration.ofMillis(300))
            // the quick answer streams visibly (about 12 words a second); the analysis comes after ~2 s
            .defaultAnswer(request -> request.hasSchema()
                    ? DemoAnswers.answer(request).ttft(Duration.ofSeconds(2)).tokensPerSecond(0)
                    : DemoAnswers.answer(request).tokensPerSecond(12));

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
    void theAnswerStreamsTheAnalysisArrivesByItselfAndAThumbIsRecorded() {
        for (String language : List.of("en", "pl")) {
            Actor seller = data.newUser(Role.SELLER, language);
            browser.logoutByCookies().open("/login").loginLanguage(language);
            browser.login(seller.username(), TestData.PASSWORD);
            browser.open("/sessions");
            browser.waitFor("#client-alias input").sendKeys("Pani Żaneta " + language);
            browser.find("#interaction-input textarea").sendKeys(language.equals("pl")
                    ? "Pyta o zasięg zimą i porównuje z BMW iX3. Chce konkretnych liczb."
                    : "Asks about the winter range and compares with the BMW iX3. Wants hard numbers.");
            browser.find("#send").click();

            // words arrive one after another: the visible text grows several times before it is complete
            List<Integer> lengths = new ArrayList<>();
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(80)).until(d -> {
                List<WebElement> quick = d.findElements(By.cssSelector(".fast-quick-text"));
                int length = quick.isEmpty() ? 0 : quick.getFirst().getText().length();
                if (length > 0 && (lengths.isEmpty() || lengths.getLast() != length)) {
                    lengths.add(length);
                }
                return !d.findElements(By.cssSelector("[id^='vote-up-'][id*='-qr_']")).isEmpty();
            });
            assertThat(lengths).as("the quick response grew while streaming").hasSizeGreaterThanOrEqualTo(3);
            assertThat(lengths).isSorted();
            browser.screenshot("ai-1-streamed-answer-" + language);

            // the analysis is pushed into the open page (no reload)
            Object marker = browser.script("return window.__noReload = 'still-here';");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
                    .until(d -> !d.findElements(By.cssSelector("#analysis-result .analysis-nba")).isEmpty());
            assertThat(browser.script("return window.__noReload;")).isEqualTo(marker);
            assertThat(browser.find("#analysis-result").getText()).isNotBlank();

            // 👍 on the quick response is recorded and shown as pressed
            WebElement up = browser.find("[id^='vote-up-'][id*='-qr_']");
            String suggestionId = up.getAttribute("id").replaceFirst("^vote-up-\\d+-", "");
            up.click();
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                    .until(d -> "true".equals(d.findElement(By.id(up.getAttribute("id"))).getAttribute("aria-pressed")));
            browser.waitForVaadin();
            Integer score = jdbc.sql("select score from feedback where user_id = ? and suggestion_id = ?")
                    .params(seller.userId(), suggestionId).query(Integer.class).single();
            assertThat(score).isEqualTo(1);
            browser.screenshot("ai-2-cockpit-with-analysis-" + language);
            browser.assertNoSevereConsoleErrors();
        }
    }
}
