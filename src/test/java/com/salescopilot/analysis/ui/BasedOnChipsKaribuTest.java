package com.salescopilot.analysis.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.salescopilot.ai.ModelStatusService;
import com.salescopilot.ai.fake.Answer;
import com.salescopilot.ai.fake.FakeOllama;
import com.salescopilot.analysis.AnalysisService;
import com.salescopilot.analysis.AnalysisStatus;
import com.salescopilot.analysis.FastStatus;
import com.salescopilot.analysis.FastStreams;
import com.salescopilot.analysis.FastStreamsTestAccess;
import com.salescopilot.analysis.StoredAnalysis;
import com.salescopilot.analysis.SuggestionIds;
import com.salescopilot.analysis.queue.AnalysisJob;
import com.salescopilot.analysis.queue.AnalysisJobQueue;
import com.salescopilot.analysis.queue.JobStatus;
import com.salescopilot.feedback.FeedbackService;
import com.salescopilot.feedback.FeedbackView;
import com.salescopilot.security.Actor;
import com.salescopilot.security.Role;
import com.salescopilot.session.SessionService;
import com.salescopilot.support.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import com.salescopilot.ai.fake.RecordedRequest;
import java.util.UUID;
import com.salescopilot.knowledge.KnowledgeService;
import com.salescopilot.knowledge.Nugget;
import com.salescopilot.knowledge.NuggetInput;
import com.salescopilot.knowledge.NuggetType;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.salescopilot.analysis.ai.AnalysisFixtures;
import com.salescopilot.session.RecordInteraction;
import tools.jackson.databind.node.ObjectNode;

/**
 * Knowledge in the cockpit, with the whole pipeline against the fake Ollama: the nuggets retrieved for
 * the client's words go into both prompts with their ids (meta-rules always), the analysis records which
 * nuggets it used and the panel shows them as "based on" chips that open the nugget; an archived nugget
 * never reaches a prompt again.
 */
@TestPropertySource(properties = {
        "copilot.analysis.worker-enabled=true",
        "copilot.analysis.poll-interval=100ms",
        "copilot.analysis.max-attempts=1",
        "copilot.ai.analysis.max-retries=0"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class BasedOnChipsKaribuTest extends KaribuTest {

    static final FakeOllama fake = FakeOllama.start();
    static final String QUICK = "SAY: Mamy rabat dla rodzin wielodzietnych.\nASK:\n- Ile macie dzieci?\n- Czy macie Kartę Dużej Rodziny?\n";

    @Autowired
    KnowledgeService knowledge;
    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void ai(DynamicPropertyRegistry registry) {
        registry.add("copilot.ai.base-url", fake::baseUrl);
    }

    @AfterAll
    static void closeFake() {
        fake.close();
    }

    @BeforeEach
    void scriptTheFake() {
        jdbc.sql("update analysis_job set status = 'SUPERSEDED' where status in ('QUEUED', 'RUNNING')").update();
        fake.reset();
        fake.defaultAnswer(request -> request.hasSchema() ? Answer.fromSchema() : Answer.text(QUICK));
    }

    private static void until(Duration max, BooleanSupplier condition) {
        await().atMost(max).pollInSameThread().pollInterval(Duration.ofMillis(25)).until(() -> {
            MockVaadin.runUIQueue();
            return condition.getAsBoolean();
        });
    }

    private static void send(String text) {
        _setValue(_get(TextArea.class, s -> s.withId("interaction-input")), text);
        _click(_get(Button.class, s -> s.withId("send")));
    }

    @Test
    void theAnalysisShowsTheNuggetsItWasBasedOnAndAChipOpensTheNugget() {
        String word = "zniżkarodzinna" + UUID.randomUUID().toString().substring(0, 6);
        Actor manager = testData.newUser(Role.MANAGER);
        Nugget family = knowledge.create(manager, new NuggetInput(NuggetType.FINANCING,
                "Rabat dla rodzin wielodzietnych " + word,
                "Karta Dużej Rodziny daje 3% rabatu (" + word + ").", List.of("rodzina"), List.of(), null, null));
        Nugget rule = knowledge.create(manager, new NuggetInput(NuggetType.META_RULE, "Termin dostawy " + word,
                "Nie obiecuj terminu dostawy bez potwierdzenia (" + word + ").", List.of(), List.of(), null, null));

        Actor seller = testData.newUser(Role.SELLER);
        login(seller);
        UI.getCurrent().navigate("sessions");
        _setValue(_get(TextField.class, s -> s.withId("client-alias")), "Rodzina " + word);
        send("Mamy czwórkę dzieci, czy jest jakaś zniżka dla rodziny wielodzietnej? " + word + " ref-" + word);

        // both prompts carry the nugget with its id, and the meta-rule
        // (other test classes' queued analyses may reach the same fake: only this conversation's requests)
        List<RecordedRequest> requests = fake.awaitRequests(r -> r.isChat() && r.body().contains("ref-" + word), 2,
                Duration.ofSeconds(20));
        for (RecordedRequest request : requests) {
            assertThat(request.body()).contains("[" + family.ref() + "]").contains("[" + rule.ref() + "]");
        }
        // the fast answer's row records which nuggets its prompt carried (written once the row exists)
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("""
                        select array_to_string(f.based_on, ',') from fast_answer f join interaction i on i.id = f.interaction_id
                        where i.text like ?""").param("%ref-" + word).query(String.class).optional()
                .filter(ids -> ids.contains(family.ref())).isPresent());

        // the analysis is pushed into the panel with a "based on" chip for the nugget (not for the rule)
        // (the chips sit at the top of the Strategy tab)
        until(Duration.ofSeconds(30), () -> {
            _find(AnalysisPanel.class).forEach(panel -> panel.tabs.setSelectedIndex(2));
            return !_find(BasedOnChips.class).isEmpty() && _get(BasedOnChips.class).isVisible();
        });
        BasedOnChips chips = _get(BasedOnChips.class);
        assertThat(chips.getElement().getTextRecursively()).startsWith("Based on");
        Button chip = _find(chips, Button.class).stream()
                .filter(b -> family.ref().equals(b.getElement().getAttribute("data-nugget"))).findFirst().orElseThrow();
        assertThat(chip.getText()).startsWith(family.ref() + " · Rabat dla rodzin");
        assertThat(_find(chips, Button.class)).noneMatch(b -> rule.ref().equals(b.getElement().getAttribute("data-nugget")));

        _click(chip);
        Dialog dialog = _get(Dialog.class, s -> s.withClasses("based-on-dialog"));
        assertThat(dialog.getHeaderTitle()).isEqualTo(family.ref() + " · " + family.title());
        assertThat(_get(dialog, Paragraph.class, s -> s.withClasses("based-on-content")).getText())
                .isEqualTo(family.content());

        // archived: no longer in any prompt
        knowledge.archive(manager, family.id());
        knowledge.archive(manager, rule.id());
        fake.reset();
        fake.defaultAnswer(request -> request.hasSchema() ? Answer.fromSchema() : Answer.text(QUICK));
        send("A jeszcze raz: zniżka dla rodziny wielodzietnej? " + word + " again-" + word);
        for (RecordedRequest request : fake.awaitRequests(r -> r.isChat() && r.body().contains("again-" + word), 2,
                Duration.ofSeconds(20))) {
            assertThat(request.body()).doesNotContain("[" + family.ref() + "]").doesNotContain("[" + rule.ref() + "]");
        }
    }

    /**
     * The fast answer retrieves for the archetype the client's latest profile names: none before the first
     * analysis, then the profile's, and the new one as soon as a later analysis changes it (the search
     * starts with the archetype the session's previous answer used, so a change must redo it).
     */
    @Test
    void theFastAnswerRetrievesForTheArchetypeOfTheLatestProfile() {
        String word = "archetypowo" + UUID.randomUUID().toString().substring(0, 6);
        Actor manager = testData.newUser(Role.MANAGER);
        Nugget forAnalysts = knowledge.create(manager, new NuggetInput(NuggetType.PRICING, "Tabela kosztów " + word,
                "Pełne zestawienie kosztów posiadania (" + word + ").", List.of(), List.of("Analyst"), null, null));
        Nugget forDrivers = knowledge.create(manager, new NuggetInput(NuggetType.PRICING, "Szybka decyzja " + word,
                "Rabat przy decyzji dziś (" + word + ").", List.of(), List.of("Safety seeker"), null, null));
        Actor seller = testData.newUser(Role.SELLER);

        // no profile yet: both nuggets may serve
        var first = sessions.record(seller, new RecordInteraction(null, null, "Klient " + word, "client_statement",
                "Ile to kosztuje? " + word + " one-" + word, "pl"));
        long sessionId = first.interaction().sessionId();
        String fast1 = fastPrompt("one-" + word);
        assertThat(fast1).contains("[" + forAnalysts.ref() + "]").contains("[" + forDrivers.ref() + "]");

        // the first analysis says the client is an analyst
        analysisSays(seller, sessionId, "Analyst");
        sessions.record(seller, new RecordInteraction(sessionId, null, null, "client_statement",
                "A ile to kosztuje w sumie? " + word + " two-" + word, null));
        assertThat(fastPrompt("two-" + word)).contains("[" + forAnalysts.ref() + "]")
                .doesNotContain("[" + forDrivers.ref() + "]");

        // a later analysis changes its mind: the next answer follows it at once
        analysisSays(seller, sessionId, "Safety seeker");
        sessions.record(seller, new RecordInteraction(sessionId, null, null, "client_statement",
                "To ile kosztuje? " + word + " three-" + word, null));
        assertThat(fastPrompt("three-" + word)).contains("[" + forDrivers.ref() + "]")
                .doesNotContain("[" + forAnalysts.ref() + "]");
    }

    @Autowired
    SessionService sessions;
    @Autowired
    AnalysisService analyses;

    /** The fast path's prompt (the streamed request without a schema) of the interaction marked so. */
    private String fastPrompt(String mark) {
        return fake.awaitRequests(r -> r.isChat() && !r.hasSchema() && r.body().contains(mark), 1,
                Duration.ofSeconds(20)).getFirst().body();
    }

    /** Lets the session's queued analysis finish with a profile of this archetype. */
    private void analysisSays(Actor seller, long sessionId, String archetype) {
        fake.defaultAnswer(request -> request.hasSchema()
                ? Answer.json(AnalysisFixtures.fullJsonWith(tree -> ((ObjectNode) tree.get("strategy"))
                        .put("archetype", archetype)))
                : Answer.text(QUICK));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> analyses
                .latest(seller, sessionId).map(a -> archetype.equals(a.result().strategy().archetype())).orElse(false));
    }
}
