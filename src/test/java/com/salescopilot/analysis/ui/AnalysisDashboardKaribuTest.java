package com.salescopilot.analysis.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.salescopilot.analysis.AnalysisService;
import com.salescopilot.analysis.AnsweredQuestion;
import com.salescopilot.analysis.BigFiveTrait;
import com.salescopilot.analysis.SuggestionIds;
import com.salescopilot.analysis.ai.AnalysisFixtures;
import com.salescopilot.analysis.queue.AnalysisJob;
import com.salescopilot.analysis.queue.AnalysisJobQueue;
import com.salescopilot.analysis.queue.JobStatus;
import com.salescopilot.base.ui.charts.EChart;
import com.salescopilot.feedback.FeedbackService;
import com.salescopilot.feedback.FeedbackView;
import com.salescopilot.security.Actor;
import com.salescopilot.security.Role;
import com.salescopilot.session.InteractionType;
import com.salescopilot.session.InteractionView;
import com.salescopilot.session.RecordInteraction;
import com.salescopilot.session.SessionService;
import com.salescopilot.support.KaribuTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The analysis dashboards in the cockpit, each tab with the fixture scenarios of {@link AnalysisFixtures}
 * (full, partial, low confidence, invented quote) stored as the session's latest analysis: the charts
 * get their options and text alternatives, the trait details, the indicator colours and stepper, the
 * strategy with 👍/👎 on every item, the evidence check, the weak profile, Polish labels, and the
 * clarifying question answered with one click.
 */
class AnalysisDashboardKaribuTest extends KaribuTest {

    @Autowired
    SessionService sessions;
    @Autowired
    AnalysisService analyses;
    @Autowired
    AnalysisJobQueue queue;
    @Autowired
    FeedbackService feedback;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void noWorkerRunsHere() {
        // the worker is off in this context (application-test.yaml): queued jobs just stay queued
        jdbc.sql("update analysis_job set status = 'SUPERSEDED' where status in ('QUEUED', 'RUNNING')").update();
    }

    record Opened(long sessionId, long interactionId, long analysisId, AnalysisPanel panel) {
    }

    /** A session with the fixture conversation and the scenario as its latest analysis, opened in the cockpit. */
    private Opened open(Actor seller, String scenarioJson) {
        login(seller);
        long sessionId = 0;
        long last = 0;
        for (String text : AnalysisFixtures.CONVERSATION) {
            InteractionView recorded = sessions.record(seller, new RecordInteraction(sessionId == 0 ? null : sessionId,
                    null, sessionId == 0 ? "Dashboard client" : null, "client_statement", text, null)).interaction();
            sessionId = recorded.sessionId();
            last = recorded.id();
        }
        long analysisId = AnalysisFixtures.store(jdbc, sessionId, last, seller.userId(), scenarioJson);
        UI.getCurrent().navigate("sessions/" + sessionId);
        AnalysisPanel panel = _get(AnalysisPanel.class);
        assertThat(panel.shownAnalysis()).isNotNull();
        assertThat(panel.shownAnalysis().id()).isEqualTo(analysisId);
        return new Opened(sessionId, last, analysisId, panel);
    }

    private static <T extends Component> T in(Component root, Class<T> type, String id) {
        return _get(root, type, s -> s.withId(id));
    }

    private static String text(Component c) {
        return c.getElement().getTextRecursively();
    }

    private static void profileTab(AnalysisPanel panel) {
        panel.tabs.setSelectedIndex(0);
    }

    private static void indicatorsTab(AnalysisPanel panel) {
        panel.tabs.setSelectedIndex(1);
    }

    private static void strategyTab(AnalysisPanel panel) {
        panel.tabs.setSelectedIndex(2);
    }

    // ---- the profile -----------------------------------------------------------------------------------

    @Test
    void theProfileDrawsTheThreeModelsAndATraitClickShowsWhyTheEvidenceAndTheAdvice() {
        AnalysisPanel panel = open(testData.newUser(Role.SELLER), AnalysisFixtures.fullJsonForDashboards()).panel();
        assertThat(panel.tabs.getSelectedIndex()).as("Strategy opens first").isEqualTo(2);
        profileTab(panel);
        ProfileSection profile = panel.profile();

        EChart radar = in(profile, EChart.class, "chart-big-five");
        assertThat(radar.getOptionJson()).contains("\"type\":\"radar\"").contains("\"Openness\"")
                .contains("\"renderMode\":\"richText\"").contains("[68,80,40,55,62]");
        assertThat(radar.getTextAlternative()).isEqualTo(
                "Big Five: Openness 68/100, Conscientiousness 80/100, Extraversion 40/100, Agreeableness 55/100, Neuroticism 62/100");
        assertThat(radar.getElement().getAttribute("role")).isEqualTo("img");

        // a bar per trait with its confidence; low confidence is fainter
        Div conscientiousness = profile.traitRows.get(BigFiveTrait.CONSCIENTIOUSNESS);
        assertThat(text(conscientiousness)).contains("80").contains("confidence 60 %");
        Div agreeableness = profile.traitRows.get(BigFiveTrait.AGREEABLENESS);
        assertThat(agreeableness.getClassNames()).contains("low-confidence");
        assertThat(conscientiousness.getClassNames()).doesNotContain("low-confidence");
        assertThat(opacity(agreeableness)).isLessThan(opacity(conscientiousness));

        // a click: rationale, the verified quotes, the sales advice
        assertThat(profile.traitDetails.getChildren()).isEmpty();
        _click(profile.traitRows.get(BigFiveTrait.NEUROTICISM));
        assertThat(profile.traitRows.get(BigFiveTrait.NEUROTICISM).getElement().getAttribute("aria-expanded"))
                .isEqualTo("true");
        assertThat(in(profile, Span.class, "trait-rationale").getText()).isEqualTo("Worries about range in winter.");
        assertThat(_find(in(profile, com.vaadin.flow.component.html.UnorderedList.class, "trait-evidence"), ListItem.class))
                .extracting(ListItem::getText).containsExactly("„boję się, że zimą nie dojadę”");
        assertThat(in(profile, Span.class, "trait-advice").getText())
                .isEqualTo("Lead with warranty, safety and a winter range test.");
        assertThat(_find(profile, com.vaadin.flow.component.html.UnorderedList.class, s -> s.withId("trait-unverified")))
                .isEmpty();

        // DISC: the map, the primary style and how to sell to it, labelled as a behaviour-style model
        EChart disc = in(profile, EChart.class, "chart-disc");
        // the primary style's quadrant stronger, the dot where DiscPosition puts D 35, i 25, S 55, C 78 (in C)
        assertThat(disc.getOptionJson()).contains("\"coordinateSystem\":\"polar\"")
                .contains("{\"value\":1,\"name\":\"C\",\"itemStyle\":{\"color\":\"var(--lumo-primary-color)@0.30\"")
                .contains("{\"value\":1,\"name\":\"D\",\"itemStyle\":{\"color\":\"var(--lumo-error-color)@0.12\"")
                .contains("\"value\":[0.294,245.674]");
        assertThat(disc.getTextAlternative()).contains("behaviour styles").contains("primary style Conscientiousness");
        assertThat(in(profile, Span.class, "analysis-disc-primary").getText()).isEqualTo("Primary style: Conscientiousness");
        assertThat(in(profile, Span.class, "analysis-disc-strategy").getText()).isEqualTo("Compare with numbers.");
        assertThat(in(profile, Span.class, "analysis-disc-note").getText()).contains("behaviour styles");

        // Schwartz: ten values in circle order, the top three with their strategy
        EChart schwartz = in(profile, EChart.class, "chart-schwartz");
        assertThat(schwartz.getOptionJson()).contains("[40,20,15,45,20,85,30,20,50,35]");
        assertThat(schwartz.getTextAlternative()).startsWith("Schwartz values: Self-direction 40, Stimulation 20");
        assertThat(_find(in(profile, com.vaadin.flow.component.html.UnorderedList.class, "analysis-schwartz-top"),
                ListItem.class)).extracting(Component::getElement).extracting(e -> e.getTextRecursively())
                .containsExactly("Security (85) — Warranty, assistance, charging network.",
                        "Benevolence (50) — Family safety and space.", "Achievement (45) — Frame as a rational win.");

        // Client DNA
        assertThat(in(profile, Span.class, "analysis-dna-summary").getText())
                .isEqualTo("A careful, data-driven buyer worried about winter range.");
        assertThat(text(in(profile, Div.class, "analysis-dna"))).contains("Approach: Facts first").contains("Pace: Slow")
                .contains("pressure to sign today").contains("charging at home");

        // the evidence of this analysis is all real
        assertThat(in(panel, Span.class, "analysis-evidence-share").getText())
                .isEqualTo("100 % of evidence quotes verified (4 of 4)");
        assertThat(profile.getClassNames()).doesNotContain("weak-profile");
    }

    private static double opacity(Div row) {
        Div fill = (Div) _get(row, Div.class, s -> s.withClasses("confidence-fill"));
        return Double.parseDouble(fill.getStyle().get("opacity"));
    }

    @Test
    void anInventedQuoteIsMarkedUnverifiedLeftOutOfTheEvidenceAndHalvesTheConfidenceShown() {
        Opened opened = open(testData.newUser(Role.SELLER), AnalysisFixtures.inventedQuoteJson());
        AnalysisPanel panel = opened.panel();
        assertThat(in(panel, Span.class, "analysis-evidence-share").getText())
                .isEqualTo("80 % of evidence quotes verified (4 of 5)");
        assertThat(in(panel, Span.class, "analysis-evidence-share").getClassNames()).contains("has-unverified");
        profileTab(panel);
        ProfileSection profile = panel.profile();
        Div row = profile.traitRows.get(BigFiveTrait.CONSCIENTIOUSNESS);
        assertThat(text(row)).contains("confidence 30 % (model: 60 %, 1 unverified)");
        assertThat(row.getClassNames()).contains("has-unverified", "low-confidence");

        _click(row);
        assertThat(_find(in(profile, com.vaadin.flow.component.html.UnorderedList.class, "trait-evidence"), ListItem.class))
                .extracting(ListItem::getText)
                .containsExactly("„proszę o dokładne dane zasięgu zimą”", "„chcę to mieć na piśmie”");
        assertThat(text(in(profile, com.vaadin.flow.component.html.UnorderedList.class, "trait-unverified")))
                .isEqualTo("unverified" + AnalysisFixtures.INVENTED_QUOTE);
        assertThat(text(profile.traitDetails)).contains("lowered from 60 % to 30 %");
        // the other traits keep their confidence
        assertThat(text(profile.traitRows.get(BigFiveTrait.OPENNESS))).contains("confidence 45 %")
                .doesNotContain("unverified");
    }

    @Test
    void aWeakProfileSaysSoInsteadOfLookingCertain() {
        AnalysisPanel panel = open(testData.newUser(Role.SELLER), AnalysisFixtures.lowConfidenceJson()).panel();
        assertThat(in(panel, Span.class, "analysis-confidence").getText()).isEqualTo("Overall confidence 18 %");
        assertThat(in(panel, Span.class, "analysis-needs-more").getText()).isEqualTo("More information needed");
        assertThat(panel.summary.getClassNames()).contains("weak");
        profileTab(panel);
        ProfileSection profile = panel.profile();
        assertThat(profile.getClassNames()).contains("weak-profile");
        assertThat(in(profile, Span.class, "analysis-weak-profile").getText()).startsWith("Weak profile:");
        assertThat(profile.traitRows.values()).allSatisfy(r -> assertThat(r.getClassNames()).contains("low-confidence"));
    }

    @Test
    void aPartialAnalysisShowsWhatItHasAndSaysWhatIsMissing() {
        AnalysisPanel panel = open(testData.newUser(Role.SELLER), AnalysisFixtures.partialJson()).panel();
        assertThat(panel.questions.isVisible()).isFalse();
        indicatorsTab(panel);
        assertThat(panel.indicators()).isNull();
        assertThat(text(panel.indicatorsTab)).isEqualTo("This analysis has no such part; the next one may.");
        profileTab(panel);
        assertThat(_find(panel.profile(), EChart.class, s -> s.withId("chart-schwartz"))).isEmpty();
        assertThat(_find(panel.profile(), Div.class, s -> s.withId("analysis-dna"))).isEmpty();
        assertThat(_find(panel.profile(), EChart.class, s -> s.withId("chart-big-five"))).hasSize(1);
        strategyTab(panel);
        assertThat(text(panel.strategy())).contains("Analyst (confidence 60 %)").doesNotContain("runner-up")
                .doesNotContain("Buy signals").contains("Risk signals");
    }

    // ---- indicators ------------------------------------------------------------------------------------

    @Test
    void theIndicatorsShowTheGaugeInItsBandTheJourneyStepperTheChurnLevelThePotentialAndTheTrend() {
        Actor seller = testData.newUser(Role.SELLER);
        Opened opened = open(seller, AnalysisFixtures.fullJsonForDashboards());
        AnalysisPanel panel = opened.panel();
        indicatorsTab(panel);
        IndicatorsSection indicators = panel.indicators();

        EChart gauge = in(indicators, EChart.class, "chart-temperature");
        assertThat(gauge.getOptionJson()).contains("\"type\":\"gauge\"").contains("\"value\":52")
                .contains("[[0.34,\"var(--lumo-primary-color)\"],[0.67,\"var(--lumo-warning-color)\"],[1,\"var(--lumo-error-color)\"]]");
        assertThat(gauge.getTextAlternative()).isEqualTo("Purchase temperature gauge: 52 of 100, warm");
        assertThat(indicators.temperatureBand.getText()).isEqualTo("52/100 · warm");
        assertThat(indicators.temperatureBand.getClassNames()).contains("band-warm");

        assertThat(indicators.churnLevel.getText()).isEqualTo("45/100 · medium");
        assertThat(indicators.churnLevel.getClassNames()).contains("level-medium");
        assertThat(text(in(indicators, Div.class, "indicator-churn"))).contains("compares with a competitor");

        List<ListItem> steps = _find(in(indicators, com.vaadin.flow.component.html.OrderedList.class,
                "analysis-journey-steps"), ListItem.class);
        assertThat(steps).extracting(s -> s.getElement().getTextRecursively())
                .containsExactly("1Awareness", "2Consideration", "3Evaluation", "4Decision", "5Purchase");
        assertThat(steps.get(0).getClassNames()).contains("done");
        assertThat(steps.get(2).getClassNames()).contains("current");
        assertThat(steps.get(2).getElement().getAttribute("aria-current")).isEqualTo("step");
        assertThat(steps.get(3).getClassNames()).doesNotContain("done", "current");
        // the bar runs through the step markers: past "evaluation" (50 %), 40 % of the way to the next (70 %)
        assertThat(in(indicators, ProgressBar.class, "analysis-journey-progress").getValue()).isEqualTo(58);
        assertThat(text(in(indicators, Div.class, "indicator-journey"))).contains("Evaluation (stage 3 of 5) · 40 % of the stage");

        assertThat(in(indicators, Span.class, "analysis-potential-value").getText()).isEqualTo("189,000 PLN");
        assertThat(in(indicators, Span.class, "analysis-potential").getText())
                .isEqualTo("probability 40 % · within 4 weeks · weighted 75,600 PLN");

        // rationale, strategy and confidence on demand
        com.vaadin.flow.component.details.Details why = in(indicators, com.vaadin.flow.component.details.Details.class,
                "why-temperature");
        assertThat(why.isOpened()).isFalse();
        assertThat(text(why)).contains("Interested but unsure.").contains("Offer a long test drive.").contains("45 %");

        // the trend across the session: one analysed interaction so far (#3)
        EChart trend = in(indicators, EChart.class, "chart-trends");
        assertThat(trend.getOptionJson()).contains("\"data\":[\"#3\"]").contains("\"Purchase temperature\"")
                .contains("\"Churn risk\"").contains("\"Probability\"").contains("\"name\":\"Interaction\"");
        assertThat(trend.getTextAlternative()).isEqualTo(
                "Trend per interaction: #3: temperature 52, churn risk 45, probability 40");

        // a newer analysis of an earlier interaction does not reorder the line: it follows the conversation
        long first = sessions.get(seller, opened.sessionId()).interactions().getFirst().id();
        AnalysisFixtures.store(jdbc, opened.sessionId(), first, seller.userId(), AnalysisFixtures.fullJsonWith(t ->
                ((tools.jackson.databind.node.ObjectNode) t.get("indicators").get("purchase_temperature")).put("score", 20)));
        assertThat(analyses.trend(seller, opened.sessionId()))
                .extracting(p -> p.interactionNumber() + ":" + p.temperature()).containsExactly("1:20", "3:52");
    }

    @Test
    void bandColoursFollowTheScore() {
        AnalysisPanel panel = open(testData.newUser(Role.SELLER), AnalysisFixtures.fullJsonWith(t -> {
            ((tools.jackson.databind.node.ObjectNode) t.get("indicators").get("purchase_temperature")).put("score", 80)
                    .put("band", "hot");
            ((tools.jackson.databind.node.ObjectNode) t.get("indicators").get("churn_risk")).put("score", 70)
                    .put("level", "high");
        })).panel();
        indicatorsTab(panel);
        assertThat(panel.indicators().temperatureBand.getClassNames()).contains("band-hot");
        assertThat(panel.indicators().temperatureBand.getText()).isEqualTo("80/100 · hot");
        assertThat(panel.indicators().churnLevel.getClassNames()).contains("level-high");
    }

    // ---- strategy --------------------------------------------------------------------------------------

    @Test
    void theStrategyShowsTheArchetypeWithRunnerUpAndEveryItemCarriesThumbs() {
        Actor seller = testData.newUser(Role.SELLER);
        Opened opened = open(seller, AnalysisFixtures.fullJsonForDashboards());
        AnalysisPanel panel = opened.panel();
        strategyTab(panel);
        StrategySection strategy = panel.strategy();
        assertThat(in(strategy, Span.class, "analysis-archetype").getText()).isEqualTo("Analyst (confidence 60 %)");
        assertThat(in(strategy, Span.class, "analysis-archetype-runner-up").getText()).isEqualTo("runner-up: Safety seeker");
        assertThat(in(strategy, Span.class, "analysis-archetype-description").getText()).startsWith("decides on data");
        assertThat(strategy.basedOn.getId()).hasValue("analysis-based-on");
        assertThat(text(strategy)).contains("The client is evaluating and needs hard data on winter range before deciding.")
                .contains("Lead with numbers").contains("Book a weekend test drive").contains("asked about delivery time")
                .contains("mentioned another brand").contains("Range drops in winter").contains("Call in 3 days");

        long analysed = opened.interactionId();
        List<String> expected = List.of(SuggestionIds.ARCHETYPE, SuggestionIds.MAIN_ANALYSIS,
                SuggestionIds.strategicNote(1), SuggestionIds.strategicNote(2), SuggestionIds.suggestedAction(1),
                SuggestionIds.suggestedAction(2), SuggestionIds.suggestedAction(3), SuggestionIds.buySignal(1),
                SuggestionIds.riskSignal(1), SuggestionIds.objectionHandler(1), SuggestionIds.FOLLOW_UP_TIMING);
        assertThat(_find(strategy, VoteButtons.class)).extracting(v -> v.getElement().getAttribute("data-suggestion-id"))
                .containsExactlyElementsOf(expected);
        // and above the tabs: the next best action and the clarifying question
        assertThat(_find(panel.nextBestAction, VoteButtons.class)).hasSize(1);
        assertThat(_find(panel.questions, VoteButtons.class)).extracting(v -> v.getElement().getAttribute("data-suggestion-id"))
                .containsExactly(SuggestionIds.clarifyingQuestion(1));

        _click(_get(Button.class, s -> s.withId("vote-up-" + analysed + "-" + SuggestionIds.buySignal(1))));
        _click(_get(Button.class, s -> s.withId("vote-down-" + analysed + "-" + SuggestionIds.ARCHETYPE)));
        assertThat(feedback.ofInteraction(seller, analysed)).extracting(FeedbackView::suggestionId, FeedbackView::score)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(SuggestionIds.buySignal(1), 1),
                        org.assertj.core.groups.Tuple.tuple(SuggestionIds.ARCHETYPE, -1));
    }

    // ---- clarifying questions --------------------------------------------------------------------------

    @Test
    void aClarifyingQuestionIsAnsweredInOneClickRecordedInTheConversationAndDoesNotComeBack() {
        Actor seller = testData.newUser(Role.SELLER);
        Opened opened = open(seller, AnalysisFixtures.fullJsonForDashboards());
        AnalysisPanel panel = opened.panel();
        assertThat(panel.questions.isVisible()).isTrue();
        assertThat(text(panel.questions)).contains("Did the client decide quickly or only after data?")
                .contains("A: Quickly").contains("B: After data")
                .contains("Would settle: Whether they are an Analyst or a Pragmatist");

        _click(_get(Button.class, s -> s.withId("answer-cq_1-b")));

        // a clarification interaction in the session, shown in the conversation, and a new analysis queued
        List<InteractionView> interactions = sessions.get(seller, opened.sessionId()).interactions();
        InteractionView clarification = interactions.getLast();
        assertThat(clarification.type()).isEqualTo(InteractionType.CLARIFICATION);
        assertThat(clarification.text()).isEqualTo("Did the client decide quickly or only after data? → After data");
        assertThat(_find(Div.class, s -> s.withClasses("interaction-clarification"))).singleElement()
                .satisfies(card -> assertThat(text(card)).contains("→ After data"));
        assertThat(queue.ofSession(opened.sessionId())).filteredOn(j -> j.status() == JobStatus.QUEUED)
                .extracting(AnalysisJob::interactionId).containsExactly(clarification.id());
        assertThat(analyses.answeredQuestions(seller, opened.sessionId())).extracting(AnsweredQuestion::choice,
                AnsweredQuestion::answer).containsExactly(org.assertj.core.groups.Tuple.tuple('B', "After data"));

        // the question is gone, and stays gone when an analysis asks it again (other case and spacing)
        assertThat(_get(AnalysisPanel.class)).isSameAs(panel);
        assertThat(panel.questions.isVisible()).isFalse();
        AnalysisFixtures.store(jdbc, opened.sessionId(), clarification.id(), seller.userId(),
                AnalysisFixtures.fullJsonWith(t -> ((tools.jackson.databind.node.ObjectNode) t.get("clarifying_questions")
                        .get(0)).put("question", "did the client   decide quickly or only after data")));
        UI.getCurrent().navigate("");
        UI.getCurrent().navigate("sessions/" + opened.sessionId());
        AnalysisPanel reopened = _get(AnalysisPanel.class);
        assertThat(reopened.shownAnalysis().interactionId()).isEqualTo(clarification.id());
        assertThat(reopened.questions.isVisible()).isFalse();
        assertThat(_find(Button.class, s -> s.withId("answer-cq_1-a"))).isEmpty();
    }

    // ---- Polish ----------------------------------------------------------------------------------------

    @Test
    void polishLabelsIncludingChartAxesAndTooltips() {
        Actor seller = testData.newUser(Role.SELLER, "pl");
        AnalysisPanel panel = open(seller, AnalysisFixtures.fullJsonForDashboards()).panel();
        assertThat(panel.tabs.getTabAt(0).getLabel()).isEqualTo("Profil");
        assertThat(panel.tabs.getTabAt(1).getLabel()).isEqualTo("Wskaźniki");
        profileTab(panel);
        assertThat(in(panel.profile(), EChart.class, "chart-big-five").getOptionJson()).contains("\"Otwartość\"")
                .contains("\"Neurotyczność\"").contains("\"Wynik\"");
        assertThat(in(panel.profile(), EChart.class, "chart-disc").getTextAlternative()).startsWith("Mapa DISC");
        indicatorsTab(panel);
        assertThat(in(panel.indicators(), EChart.class, "chart-trends").getOptionJson()).contains("\"Interakcja\"")
                .contains("\"Temperatura zakupowa\"").contains("\"Prawdopodobieństwo\"");
        assertThat(panel.indicators().temperatureBand.getText()).isEqualTo("52/100 · ciepły");
        assertThat(in(panel.indicators(), Span.class, "analysis-potential-value").getText()).isEqualTo("189\u00a0000 PLN");
    }
}
