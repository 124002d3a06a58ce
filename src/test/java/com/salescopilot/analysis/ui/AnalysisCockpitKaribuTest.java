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

/**
 * The cockpit with the whole AI pipeline running against the fake Ollama: the fast answer streaming into
 * the conversation, its late, failed and cancelled states, 👍/👎, the deep analysis pushed into an open
 * cockpit (the real queue and worker, NOTIFY included), a failed analysis retried from the panel, and the
 * model status.
 */
@TestPropertySource(properties = {
        "copilot.analysis.worker-enabled=true",
        "copilot.analysis.poll-interval=100ms",
        "copilot.analysis.max-attempts=1",
        "copilot.analysis.retry-backoff=100ms",
        "copilot.ai.first-token-notice=500ms",
        "copilot.ai.analysis.max-retries=0"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AnalysisCockpitKaribuTest extends KaribuTest {

    static final FakeOllama fake = FakeOllama.start();

    static final String SAY = "Winter range is about a fifth lower, and I can show you our measured numbers.";
    static final List<String> ASK = List.of("How far do you drive on a typical winter day?",
            "Can you charge at home overnight?");
    static final String QUICK = "SAY: " + SAY + "\nASK:\n- " + ASK.get(0) + "\n- " + ASK.get(1) + "\n";

    /** Answers for the next fast-path requests (plain chat); analysis requests (with a schema) get {@link #analysis}. */
    final Queue<Answer> fastAnswers = new ConcurrentLinkedQueue<>();
    volatile Answer analysis = Answer.fromSchema();

    @Autowired
    SessionService sessions;
    @Autowired
    AnalysisService analyses;
    @Autowired
    AnalysisJobQueue queue;
    @Autowired
    FeedbackService feedback;
    @Autowired
    FastStreams streams;
    @Autowired
    ModelStatusService modelStatus;
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
        // other test classes leave queued requests behind in the shared database: not ours to run
        jdbc.sql("update analysis_job set status = 'SUPERSEDED' where status in ('QUEUED', 'RUNNING')").update();
        fake.reset();
        fake.defaultAnswer(request -> {
            if (request.hasSchema()) {
                return analysis;
            }
            Answer next = fastAnswers.poll();
            return next != null ? next : Answer.text(QUICK);
        });
        modelStatus.refresh();
    }

    @AfterEach
    void releaseTheFake() {
        fake.reset();
    }

    // ---- helpers -------------------------------------------------------------------------------------

    /** Runs the UI's pending {@code access} tasks (pushed updates) until the condition holds. */
    private static void until(Duration max, BooleanSupplier condition) {
        await().atMost(max).pollInSameThread().pollInterval(Duration.ofMillis(25)).until(() -> {
            MockVaadin.runUIQueue();
            return condition.getAsBoolean();
        });
    }

    /** Starts a new conversation from the cockpit as a seller types it; returns the session id. */
    private long startConversation(String alias, String text) {
        UI.getCurrent().navigate("sessions");
        _setValue(_get(TextField.class, s -> s.withId("client-alias")), alias);
        send(text);
        String path = NavigatorKt.getCurrentPath();
        assertThat(path).startsWith("sessions/");
        return Long.parseLong(path.substring("sessions/".length()));
    }

    private static void send(String text) {
        _setValue(_get(TextArea.class, s -> s.withId("interaction-input")), text);
        _click(_get(Button.class, s -> s.withId("send")));
    }

    private long newestInteraction(Actor actor, long sessionId) {
        return sessions.get(actor, sessionId).interactions().getLast().id();
    }

    private static FastAnswerPanel fastPanel(long interactionId) {
        return _get(FastAnswerPanel.class, s -> s.withId("fast-answer-" + interactionId));
    }

    private static List<String> questionTexts(FastAnswerPanel panel) {
        return panel.questions.getChildren().map(ListItem.class::cast)
                .map(li -> ((Span) li.getComponentAt(0)).getText()).toList();
    }

    private static Button button(String id) {
        return _get(Button.class, s -> s.withId(id));
    }

    // ---- the fast answer -----------------------------------------------------------------------------

    @Test
    void theAnswerStreamsIntoTheConversationTokenByTokenAndEndsWithThumbs() {
        fastAnswers.add(Answer.text(QUICK).tokensPerSecond(12));
        Actor seller = testData.newUser(Role.SELLER);
        login(seller);
        long sessionId = startConversation("Streaming client", "How far does it go in winter?");
        long interactionId = newestInteraction(seller, sessionId);

        // acknowledged in the same round trip as the send: nothing has to arrive from the model first
        FastAnswerPanel panel = fastPanel(interactionId);
        assertThat(panel.shown()).isNotNull();
        assertThat(panel.shown().status()).isIn(FastStatus.PENDING, FastStatus.STREAMING);
        if (panel.shown().nothingYet()) {
            assertThat(panel.thinking.isVisible()).isTrue();
            assertThat(panel.thinking.getElement().getTextRecursively()).contains("Co-pilot is thinking");
        }

        // words appear while the model is still writing
        until(Duration.ofSeconds(10), () -> panel.shown().status() == FastStatus.STREAMING
                && !panel.quickText.getText().isEmpty());
        String partial = panel.quickText.getText();
        assertThat(SAY).startsWith(partial.strip());
        assertThat(partial.length()).isLessThan(SAY.length());
        assertThat(panel.quickBlock.isVisible()).isTrue();
        assertThat(panel.thinking.isVisible()).isFalse();
        assertThat(panel.getClassNames()).contains("streaming");

        // questions come one by one
        until(Duration.ofSeconds(15), () -> questionTexts(panel).size() == 1);
        assertThat(ASK.getFirst()).startsWith(questionTexts(panel).getFirst());

        until(Duration.ofSeconds(15), () -> panel.shown().status() == FastStatus.DONE);
        assertThat(panel.quickText.getText()).isEqualTo(SAY);
        assertThat(questionTexts(panel)).isEqualTo(ASK);
        assertThat(panel.getClassNames()).doesNotContain("streaming");
        assertThat(panel.getElement().getAttribute("data-status")).isEqualTo("done");
        // 👍/👎 beside the quick response and each question, labelled for screen readers
        String qr = SuggestionIds.quickResponse(interactionId);
        assertThat(button("vote-up-" + interactionId + "-" + qr).getAriaLabel()).contains("Helpful");
        assertThat(button("vote-down-" + interactionId + "-" + qr).getAriaLabel()).contains("Not helpful");
        for (int n = 1; n <= ASK.size(); n++) {
            assertThat(_find(Button.class, s -> s.withClasses("vote-up"))).extracting(b -> b.getId().orElse(""))
                    .contains("vote-up-" + interactionId + "-" + SuggestionIds.suggestedQuestion(interactionId, n));
        }
    }

    @Test
    void aLateFirstWordSaysSoAndOffersCancelWhichStopsTheAnswer() {
        fastAnswers.add(Answer.text(QUICK).ttft(Duration.ofSeconds(20)));
        Actor seller = testData.newUser(Role.SELLER);
        login(seller);
        long sessionId = startConversation("Slow model client", "Is there a discount?");
        long interactionId = newestInteraction(seller, sessionId);
        FastAnswerPanel panel = fastPanel(interactionId);
        assertThat(panel.late.isVisible()).isFalse();

        until(Duration.ofSeconds(5), () -> panel.late.isVisible());
        assertThat(panel.lateText.getText()).isEqualTo("No answer yet after 0.5 s — still waiting");
        assertThat(panel.thinking.isVisible()).isTrue();

        _click(panel.cancel);
        until(Duration.ofSeconds(5), () -> panel.shown().status() == FastStatus.CANCELLED);
        assertThat(panel.message.getElement().getTextRecursively()).isEqualTo("Cancelled");
        assertThat(panel.thinking.isVisible()).isFalse();
        assertThat(panel.late.isVisible()).isFalse();
        assertThat(analyses.fastAnswer(seller, interactionId).orElseThrow().status()).isEqualTo(FastStatus.CANCELLED);
    }

    @Test
    void aFailedAnswerSaysWhyInPlainWordsAndKeepsWhatArrived() {
        fastAnswers.add(Answer.serverError());
        Actor seller = testData.newUser(Role.SELLER);
        login(seller);
        long sessionId = startConversation("Failing model client", "What does the warranty cover?");
        long first = newestInteraction(seller, sessionId);
        FastAnswerPanel failed = fastPanel(first);
        until(Duration.ofSeconds(10), () -> failed.shown().status() == FastStatus.FAILED);
        assertThat(failed.message.getElement().getTextRecursively()).isEqualTo("The model service reported an error.");
        assertThat(failed.message.getClassNames()).contains("fast-error");
        assertThat(failed.quickBlock.isVisible()).isFalse();
        assertThat(_find(failed, VoteButtons.class)).isEmpty();

        // the connection drops after a few words: they stay on screen, marked as partial
        fastAnswers.add(Answer.text(QUICK).tokensPerSecond(40).cutAfter(6));
        send("And the battery?");
        long second = newestInteraction(seller, sessionId);
        FastAnswerPanel cut = fastPanel(second);
        until(Duration.ofSeconds(10), () -> cut.shown().status() == FastStatus.FAILED);
        assertThat(cut.message.getElement().getTextRecursively())
                .startsWith("The connection to the model broke off before the answer was complete.");
        assertThat(cut.quickText.getText()).isNotEmpty();
        assertThat(SAY).startsWith(cut.quickText.getText().strip());
        assertThat(cut.getClassNames()).contains("partial");
        // the first card was not re-rendered by the second send
        assertThat(fastPanel(first)).isSameAs(failed);

        // reopened later (the live state gone), both read the same from the database
        FastStreamsTestAccess.forget(streams, first);
        FastStreamsTestAccess.forget(streams, second);
        UI.getCurrent().navigate("");
        UI.getCurrent().navigate("sessions/" + sessionId);
        assertThat(fastPanel(first).message.getElement().getTextRecursively())
                .isEqualTo("The model service reported an error.");
        assertThat(fastPanel(second).quickText.getText()).isEqualTo(cut.quickText.getText());
        assertThat(fastPanel(second).message.getElement().getTextRecursively())
                .startsWith("The connection to the model broke off");
    }

    @Test
    void thumbsRecordAVoteAtOnceTheOtherThumbChangesItAndAReopenedSessionShowsIt() {
        Actor seller = testData.newUser(Role.SELLER);
        login(seller);
        long sessionId = startConversation("Voting client", "I like the design.");
        long interactionId = newestInteraction(seller, sessionId);
        FastAnswerPanel panel = fastPanel(interactionId);
        until(Duration.ofSeconds(10), () -> panel.shown().status() == FastStatus.DONE);

        String qr = SuggestionIds.quickResponse(interactionId);
        Button up = button("vote-up-" + interactionId + "-" + qr);
        Button down = button("vote-down-" + interactionId + "-" + qr);
        assertThat(up.getElement().getAttribute("aria-pressed")).isEqualTo("false");

        _click(up);
        assertThat(up.getElement().getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(feedback.ofInteraction(seller, interactionId)).singleElement().satisfies(f -> {
            assertThat(f.suggestionId()).isEqualTo(qr);
            assertThat(f.score()).isEqualTo(1);
            assertThat(f.textSnapshot()).isEqualTo(SAY);
        });

        _click(down);
        assertThat(up.getElement().getAttribute("aria-pressed")).isEqualTo("false");
        assertThat(down.getElement().getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(feedback.ofInteraction(seller, interactionId)).extracting(FeedbackView::score).containsExactly(-1);

        // an optional comment on the vote
        Button comment = button("vote-comment-" + interactionId + "-" + qr);
        assertThat(comment.isVisible()).isTrue();
        _click(comment);
        VoteButtons.CommentDialog dialog = _get(VoteButtons.CommentDialog.class);
        _setValue(dialog.text, "Too generic for this client");
        _click(dialog.save);
        assertThat(feedback.ofInteraction(seller, interactionId)).singleElement().satisfies(f -> {
            assertThat(f.score()).isEqualTo(-1);
            assertThat(f.comment()).isEqualTo("Too generic for this client");
        });

        String question = SuggestionIds.suggestedQuestion(interactionId, 2);
        _click(button("vote-up-" + interactionId + "-" + question));
        assertThat(feedback.ofInteraction(seller, interactionId)).extracting(FeedbackView::suggestionId)
                .containsExactly(qr, question);

        // reopened from the database: the votes are there
        FastStreamsTestAccess.forget(streams, interactionId);
        UI.getCurrent().navigate("");
        UI.getCurrent().navigate("sessions/" + sessionId);
        assertThat(fastPanel(interactionId)).isNotSameAs(panel);
        assertThat(fastPanel(interactionId).quickText.getText()).isEqualTo(SAY);
        assertThat(button("vote-down-" + interactionId + "-" + qr).getElement().getAttribute("aria-pressed"))
                .isEqualTo("true");
        assertThat(button("vote-up-" + interactionId + "-" + question).getElement().getAttribute("aria-pressed"))
                .isEqualTo("true");
    }

    // ---- the deep analysis ---------------------------------------------------------------------------

    @Test
    void anAnalysisAppearsInTheOpenCockpitByItselfAndStaysVisibleWhileTheNextOneRuns() {
        analysis = Answer.fromSchema().ttft(Duration.ofMillis(1500));
        Actor seller = testData.newUser(Role.SELLER);
        login(seller);
        long sessionId = startConversation("Analysed client", "We need a family car, the budget is tight.");
        AnalysisPanel panel = _get(AnalysisPanel.class);
        assertThat(panel.shownAnalysis()).isNull();
        assertThat(panel.noAnalysis.isVisible()).isTrue();

        until(Duration.ofSeconds(10), () -> panel.state().status() == AnalysisStatus.RUNNING);
        assertThat(panel.statusText.getText()).startsWith("Analysis running since ");
        assertThat(panel.progress.isVisible()).isTrue();

        until(Duration.ofSeconds(15), () -> panel.shownAnalysis() != null);
        StoredAnalysis stored = analyses.latest(seller, sessionId).orElseThrow();
        assertThat(panel.shownAnalysis().id()).isEqualTo(stored.id());
        assertThat(_get(Span.class, s -> s.withId("analysis-next-best-action")).getText())
                .isEqualTo(stored.result().strategy().nextBestAction());
        // the strategy tab is open first; the other two show when picked
        assertThat(panel.result.getElement().getTextRecursively())
                .contains(stored.result().strategy().mainAnalysis()).contains("Overall confidence");
        panel.tabs.setSelectedIndex(1);
        assertThat(panel.result.getElement().getTextRecursively())
                .contains("Purchase temperature").contains(stored.result().indicators().purchaseTemperature().score() + "/100");
        panel.tabs.setSelectedIndex(0);
        assertThat(panel.result.getElement().getTextRecursively()).contains("Openness").contains("Dominance");
        panel.tabs.setSelectedIndex(2);
        assertThat(panel.statusText.getText()).startsWith("Analysis updated at ");
        assertThat(panel.updating.isVisible()).isFalse();
        assertThat(_get(AnalysisPanel.class)).isSameAs(panel);

        // 👍 on the next best action and a suggested action of the analysis
        long analysed = stored.interactionId();
        _click(button("vote-up-" + analysed + "-" + SuggestionIds.NEXT_BEST_ACTION));
        _click(button("vote-down-" + analysed + "-" + SuggestionIds.suggestedAction(1)));
        assertThat(feedback.ofInteraction(seller, analysed))
                .extracting(FeedbackView::suggestionId, FeedbackView::score)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(SuggestionIds.NEXT_BEST_ACTION, 1),
                        org.assertj.core.groups.Tuple.tuple(SuggestionIds.suggestedAction(1), -1));

        // the next interaction: the previous analysis stays, marked as updating, until the new one lands
        send("My wife prefers something smaller.");
        until(Duration.ofSeconds(10), () -> panel.updating.isVisible());
        assertThat(panel.shownAnalysis().id()).isEqualTo(stored.id());
        assertThat(_get(Span.class, s -> s.withId("analysis-next-best-action")).getText())
                .isEqualTo(stored.result().strategy().nextBestAction());
        until(Duration.ofSeconds(15), () -> panel.shownAnalysis().id() != stored.id());
        assertThat(panel.updating.isVisible()).isFalse();
        assertThat(panel.shownAnalysis().interactionId()).isEqualTo(newestInteraction(seller, sessionId));
    }

    @Test
    void aFailedAnalysisSaysWhyAndRetryQueuesANewAttempt() {
        analysis = Answer.serverError();
        Actor seller = testData.newUser(Role.SELLER);
        login(seller);
        long sessionId = startConversation("Unlucky client", "Send me the offer by e-mail.");
        AnalysisPanel panel = _get(AnalysisPanel.class);

        until(Duration.ofSeconds(15), () -> panel.state().status() == AnalysisStatus.FAILED);
        assertThat(panel.statusText.getText()).isEqualTo("Analysis failed: The model service reported an error.");
        assertThat(panel.retry.isVisible()).isTrue();
        List<AnalysisJob> before = queue.ofSession(sessionId);
        assertThat(before).extracting(AnalysisJob::status).containsExactly(JobStatus.FAILED);

        analysis = Answer.fromSchema();
        _click(panel.retry);
        List<AnalysisJob> after = queue.ofSession(sessionId);
        assertThat(after).hasSize(2);
        assertThat(after.get(1).interactionId()).isEqualTo(before.getFirst().interactionId());
        assertThat(panel.retry.isVisible()).isFalse();

        until(Duration.ofSeconds(15), () -> panel.shownAnalysis() != null);
        assertThat(panel.statusText.getText()).startsWith("Analysis updated at ");
    }

    // ---- the evidence check and clarifying questions through the real pipeline ----------------------

    @Test
    void aQuoteTheModelInventedIsCaughtStoredWithTheAnalysisAndShownAsUnverified() {
        analysis = Answer.json(com.salescopilot.analysis.ai.AnalysisFixtures.inventedQuoteJson());
        Actor seller = testData.newUser(Role.SELLER);
        login(seller);
        List<String> conversation = com.salescopilot.analysis.ai.AnalysisFixtures.CONVERSATION;
        long sessionId = startConversation("Evidence client", conversation.get(0));
        send(conversation.get(1));
        send(conversation.get(2));
        long last = newestInteraction(seller, sessionId);
        AnalysisPanel panel = _get(AnalysisPanel.class);
        until(Duration.ofSeconds(20), () -> panel.shownAnalysis() != null && panel.shownAnalysis().interactionId() == last);

        long analysisId = panel.shownAnalysis().id();
        assertThat(jdbc.sql("select evidence_verified_pct from analysis where id = ?").param(analysisId)
                .query(Integer.class).single()).isEqualTo(80);
        var stored = analyses.evidence(seller, panel.shownAnalysis());
        assertThat(stored.unverified(com.salescopilot.analysis.BigFiveTrait.CONSCIENTIOUSNESS))
                .containsExactly(com.salescopilot.analysis.ai.AnalysisFixtures.INVENTED_QUOTE);
        assertThat(stored.verifiedCount()).isEqualTo(4);
        assertThat(_get(Span.class, s -> s.withId("analysis-evidence-share")).getText())
                .isEqualTo("80 % of evidence quotes verified (4 of 5)");
        panel.tabs.setSelectedIndex(0);
        assertThat(panel.profile().traitRows.get(com.salescopilot.analysis.BigFiveTrait.CONSCIENTIOUSNESS)
                .getElement().getTextRecursively()).contains("confidence 30 % (model: 60 %, 1 unverified)");
        fastPathsFinished(seller, sessionId);
    }

    /** Lets this session's fast answers end here, so that none asks the fake for an answer the next test queued. */
    private void fastPathsFinished(Actor seller, long sessionId) {
        int interactions = sessions.get(seller, sessionId).interactions().size();
        until(Duration.ofSeconds(15), () -> {
            var answers = analyses.fastAnswers(seller, sessionId).values();
            return answers.size() == interactions && answers.stream()
                    .noneMatch(a -> a.status() == FastStatus.PENDING || a.status() == FastStatus.STREAMING);
        });
    }

    @Test
    void anAnsweredClarifyingQuestionReachesTheNextPromptAndIsNotAskedAgain() {
        analysis = Answer.json(com.salescopilot.analysis.ai.AnalysisFixtures.fullJson());
        Actor seller = testData.newUser(Role.SELLER);
        login(seller);
        long sessionId = startConversation("Clarified client", "Wants the numbers first, then decides.");
        AnalysisPanel panel = _get(AnalysisPanel.class);
        until(Duration.ofSeconds(15), () -> panel.shownAnalysis() != null);
        assertThat(panel.questions.isVisible()).isTrue();

        _click(button("answer-cq_1-b"));
        long clarification = newestInteraction(seller, sessionId);
        assertThat(sessions.interaction(seller, clarification).text())
                .isEqualTo("Did the client decide quickly or only after data? → After data");
        assertThat(panel.questions.isVisible()).isFalse();

        // the next analysis runs for the clarification; its prompt names the answered question
        until(Duration.ofSeconds(15), () -> panel.shownAnalysis().interactionId() == clarification);
        String prompt = fake.chatRequests().stream().filter(com.salescopilot.ai.fake.RecordedRequest::hasSchema)
                .map(com.salescopilot.ai.fake.RecordedRequest::body).reduce((a, b) -> b).orElseThrow();
        assertThat(prompt).contains("<answered_clarifying_questions>")
                .contains("Did the client decide quickly or only after data? → After data");
        // the model asked it again: it is dropped from the stored result and not shown
        assertThat(panel.shownAnalysis().result().clarifyingQuestions()).isEmpty();
        assertThat(panel.questions.isVisible()).isFalse();
        fastPathsFinished(seller, sessionId);
    }

    // ---- model status --------------------------------------------------------------------------------

    @Test
    void theCockpitShowsWhetherTheModelIsUsable() {
        Actor seller = testData.newUser(Role.SELLER);
        login(seller);
        startConversation("Status client", "Hello");
        ModelStatusIndicator badge = _get(ModelStatusIndicator.class, s -> s.withId("model-status-badge"));
        assertThat(badge.getText()).isEqualTo("AI ready");
        assertThat(badge.getElement().getAttribute("data-state")).isEqualTo("ok");
        assertThat(_get(AnalysisPanel.class).modelStatus.getText()).isEqualTo("Model ready");

        fake.models("some-other-model:1b");
        modelStatus.refresh();
        UI.getCurrent().navigate("");
        UI.getCurrent().navigate("sessions");
        badge = _get(ModelStatusIndicator.class, s -> s.withId("model-status-badge"));
        assertThat(badge.getText()).isEqualTo("AI limited");
        assertThat(badge.getElement().getAttribute("title"))
                .isEqualTo("Model service reachable, but a model is missing: gpt-oss:120b");

        fake.tagsFault(Answer.httpError(503, "overloaded"));
        modelStatus.refresh();
        UI.getCurrent().navigate("");
        UI.getCurrent().navigate("sessions");
        badge = _get(ModelStatusIndicator.class, s -> s.withId("model-status-badge"));
        assertThat(badge.getText()).isEqualTo("AI unavailable");
        assertThat(badge.getElement().getAttribute("data-state")).isEqualTo("error");
        assertThat(badge.getElement().getAttribute("title")).isEqualTo("The model service reports an error");
    }
}
