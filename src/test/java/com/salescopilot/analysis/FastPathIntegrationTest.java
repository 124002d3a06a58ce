package com.salescopilot.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.salescopilot.ai.fake.Answer;
import com.salescopilot.ai.fake.FakeOllama;
import com.salescopilot.ai.fake.RecordedRequest;
import com.salescopilot.analysis.push.SessionEvent;
import com.salescopilot.analysis.push.SessionEventBus;
import com.salescopilot.base.ConflictException;
import com.salescopilot.base.NotFoundException;
import com.salescopilot.security.Actor;
import com.salescopilot.security.Role;
import com.salescopilot.session.InteractionView;
import com.salescopilot.session.RecordInteraction;
import com.salescopilot.session.SessionService;
import com.salescopilot.support.IntegrationTest;
import com.salescopilot.support.TestData;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The fast path end to end: real PostgreSQL, the fake Ollama over HTTP, the real {@link FastPathService},
 * {@link FastStreams} and store. The interaction is committed before the model is called; the tokens
 * stream to a listener in order; the answer is stored with its suggestion ids; every fault ends in the
 * right stored status and error code with the interaction and any partial answer kept; cancel works.
 */
@IntegrationTest
@TestPropertySource(properties = {
        "copilot.ai.fast.model=fast-model:test",
        "copilot.ai.analysis.model=analysis-model:test",
        "copilot.ai.fast.timeout=2500ms",          // first chunk (and HTTP headers) within 2.5 s
        "copilot.ai.first-token-notice=400ms",     // "still waiting" after 0.4 s
        "copilot.ai.stream-idle-timeout=1s",
        "copilot.ai.stream-total-timeout=20s"})
// no other class shares this context: close it afterwards, so that it does not hold its pool's connections
// (the PostgreSQL server is shared by every build on this machine)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class FastPathIntegrationTest {

    private static final String FAST_MODEL = "fast-model:test";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final FakeOllama fake = FakeOllama.start();

    @DynamicPropertySource
    static void ai(DynamicPropertyRegistry registry) {
        registry.add("copilot.ai.base-url", fake::baseUrl);
    }

    @AfterAll
    static void closeFake() {
        fake.close();
    }

    @Autowired
    SessionService sessions;
    @Autowired
    FastStreams streams;
    @Autowired
    FastPathService fastPath;
    @Autowired
    AnalysisService analysis;
    @Autowired
    SessionEventBus bus;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSourceProperties dataSource;

    Actor seller;
    final List<Runnable> unregister = new ArrayList<>();

    private static boolean warm;

    @BeforeEach
    void setUp() {
        fake.reset();
        seller = data.newUser(Role.SELLER, "pl");
        if (!warm) {
            // the first model call of a fresh JVM loads a lot of classes (seconds on a busy 2-core machine);
            // the timeouts below are meant for the fault under test, not for that
            InteractionView warmUp = record(null, "Rozgrzewka");
            await().atMost(Duration.ofSeconds(30)).until(() -> analysis.fastAnswer(seller, warmUp.id())
                    .map(f -> f.status().finished()).orElse(false));
            warm = true;
            fake.reset();
        }
    }

    @AfterEach
    void tearDown() {
        unregister.forEach(Runnable::run);
        fake.reset(); // releases hanging and stalled answers
    }

    private InteractionView record(Long sessionId, String text) {
        return sessions.record(seller, new RecordInteraction(sessionId, null, sessionId == null ? "Klient " + text : null,
                "client_statement", text, "pl")).interaction();
    }

    private List<LiveFastAnswer> listen(long interactionId) {
        List<LiveFastAnswer> seen = new CopyOnWriteArrayList<>();
        unregister.add(streams.listen(interactionId, seen::add));
        return seen;
    }

    private FastAnswerView awaitFinished(long interactionId) {
        await().atMost(WAIT).until(() -> analysis.fastAnswer(seller, interactionId)
                .map(f -> f.status().finished()).orElse(false));
        return analysis.fastAnswer(seller, interactionId).orElseThrow();
    }

    private static LiveFastAnswer awaitLast(List<LiveFastAnswer> seen) {
        await().atMost(WAIT).until(() -> !seen.isEmpty() && seen.getLast().status().finished());
        return seen.getLast();
    }

    /** The fault's stored state: the status and code, the interaction still there, its analysis still queued. */
    private FastAnswerView assertFailed(InteractionView interaction, FastStatus status, String code, String messageKey) {
        FastAnswerView stored = awaitFinished(interaction.id());
        assertThat(stored.status()).isEqualTo(status);
        assertThat(stored.errorCode()).isEqualTo(code);
        assertThat(stored.errorMessage()).isNotBlank().doesNotContain("Exception").doesNotContain("http://");
        assertThat(stored.result()).isNull();
        assertThat(stored.model()).isEqualTo(FAST_MODEL);
        // nothing typed is lost
        assertThat(sessions.interaction(seller, interaction.id()).text()).isEqualTo(interaction.text());
        assertThat(jdbc.sql("select count(*) from analysis_job where interaction_id = ?").param(interaction.id())
                .query(Long.class).single()).isEqualTo(1);
        LiveFastAnswer last = streams.current(interaction.id()).orElseThrow();
        assertThat(last.status()).isEqualTo(status);
        assertThat(last.errorCode()).isEqualTo(messageKey);
        assertThat(last.errorMessage()).isEqualTo(stored.errorMessage());
        return stored;
    }

    @Test
    void theInteractionIsCommittedBeforeTheModelIsCalled() {
        String text = "Czy zimą ten samochód naprawdę przejedzie 400 km? " + UUID.randomUUID();
        List<Map<String, Object>> atArrival = new CopyOnWriteArrayList<>();
        fake.defaultAnswer(request -> {
            // runs when a request reaches the "model": look from a connection of our own, outside the app's pool
            if (request.lastUserMessage().contains(text)) {
                atArrival.add(lookFromAnotherConnection(text));
            }
            return Answer.text("SAY: Sprawdźmy to razem na trasie testowej.");
        });

        InteractionView interaction = record(null, text);

        assertThat(awaitFinished(interaction.id()).status()).isEqualTo(FastStatus.DONE);
        assertThat(atArrival).as("the model was called once").hasSize(1);
        assertThat(atArrival.getFirst().get("interaction_id"))
                .as("the interaction was committed when the model was called").isEqualTo(interaction.id());
        assertThat(atArrival.getFirst().get("jobs")).as("its analysis request too").isEqualTo(1L);
        assertThat(atArrival.getFirst().get("fast_status")).as("the fast answer was marked pending first")
                .isEqualTo("PENDING");
        assertThat(fake.lastChatRequest().lastUserMessage()).contains(text);
    }

    private Map<String, Object> lookFromAnotherConnection(String text) {
        try (Connection c = DriverManager.getConnection(dataSource.determineUrl(), dataSource.determineUsername(),
                dataSource.determinePassword());
             PreparedStatement st = c.prepareStatement("""
                     select i.id,
                            (select count(*) from analysis_job j where j.interaction_id = i.id) as jobs,
                            (select f.status from fast_answer f where f.interaction_id = i.id) as fast_status
                     from interaction i where i.text = ?""")) {
            st.setString(1, text);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Map.of("interaction_id", "not visible");
                }
                return Map.of("interaction_id", rs.getLong(1), "jobs", rs.getLong(2),
                        "fast_status", String.valueOf(rs.getString(3)));
            }
        } catch (SQLException e) {
            return Map.of("interaction_id", "error " + e.getMessage());
        }
    }

    @Test
    void tokensStreamToAListenerInOrderAndTheAnswerIsStoredWithSuggestionIds() {
        InteractionView first = record(null, "Dzień dobry, szukam auta rodzinnego.");
        awaitFinished(first.id());
        List<SessionEvent> events = new CopyOnWriteArrayList<>();
        unregister.add(bus.register(first.sessionId(), events::add));
        String answer = """
                SAY: Rozumiem, zimowy zasięg to ważna sprawa. Sprawdźmy go razem na Pana trasie.
                ASK:
                - Ile kilometrów dziennie Pan przejeżdża?
                - Czy może Pan ładować auto w domu?
                - Jaki budżet Pan przewiduje?
                """;
        fake.enqueueChat(FAST_MODEL, Answer.text(answer).ttft(Duration.ofMillis(300)).tokensPerSecond(60));

        InteractionView interaction = record(first.sessionId(), "Boję się, że zimą nie dojadę do pracy.");
        List<LiveFastAnswer> seen = listen(interaction.id());
        LiveFastAnswer last = awaitLast(seen);

        assertThat(seen.getFirst().status()).as("the typing state comes first").isEqualTo(FastStatus.PENDING);
        assertThat(last.status()).isEqualTo(FastStatus.DONE);
        List<LiveFastAnswer> streaming = seen.stream().filter(s -> s.status() == FastStatus.STREAMING).toList();
        assertThat(streaming).as("one snapshot per token").hasSizeGreaterThanOrEqualTo(20);
        // in order: every snapshot extends the one before it
        for (int i = 1; i < seen.size(); i++) {
            LiveFastAnswer before = seen.get(i - 1);
            LiveFastAnswer now = seen.get(i);
            assertThat(now.quickResponse()).as("snapshot %d", i).startsWith(before.quickResponse());
            assertThat(now.questions().size()).isGreaterThanOrEqualTo(before.questions().size());
            for (int q = 0; q < before.questions().size(); q++) {
                assertThat(now.questions().get(q)).startsWith(before.questions().get(q));
            }
        }
        assertThat(streaming.stream().map(LiveFastAnswer::quickResponse).distinct().count())
                .as("the quick response grew word by word").isGreaterThanOrEqualTo(10);

        FastResult expected = new FastResult(interaction.id(),
                "Rozumiem, zimowy zasięg to ważna sprawa. Sprawdźmy go razem na Pana trasie.",
                List.of("Ile kilometrów dziennie Pan przejeżdża?", "Czy może Pan ładować auto w domu?",
                        "Jaki budżet Pan przewiduje?"));
        assertThat(last.result()).isEqualTo(expected);

        FastAnswerView stored = awaitFinished(interaction.id());
        assertThat(stored.status()).isEqualTo(FastStatus.DONE);
        assertThat(stored.result()).isEqualTo(expected);
        assertThat(stored.result().suggestions()).extracting(Suggestion::id).containsExactly(
                "qr_" + interaction.id(), "sq_" + interaction.id() + "_1", "sq_" + interaction.id() + "_2",
                "sq_" + interaction.id() + "_3");
        assertThat(stored.result().suggestions()).extracting(Suggestion::kind).containsExactly(
                SuggestionKind.QUICK_RESPONSE, SuggestionKind.SUGGESTED_QUESTION, SuggestionKind.SUGGESTED_QUESTION,
                SuggestionKind.SUGGESTED_QUESTION);
        assertThat(stored.partialText()).as("the raw text is kept").isEqualTo(answer);
        assertThat(stored.firstTokenMs()).isBetween(300, 5000);
        assertThat(stored.totalMs()).isGreaterThanOrEqualTo(stored.firstTokenMs());
        assertThat(stored.errorCode()).isNull();
        // the stored JSON itself
        assertThat(jdbc.sql("select result->>'quick_response' from fast_answer where interaction_id = ?")
                .param(interaction.id()).query(String.class).single()).isEqualTo(expected.quickResponse());
        // announced to every instance
        await().atMost(WAIT).until(() -> events.stream()
                .anyMatch(e -> e.kind() == SessionEvent.Kind.FAST_DONE && e.refId() == interaction.id()));

        RecordedRequest request = fake.lastChatRequest();
        assertThat(request.model()).isEqualTo(FAST_MODEL);
        assertThat(request.stream()).isTrue();
        assertThat(request.hasSchema()).isFalse();
        assertThat(request.think().asString()).isEqualTo("low");
        assertThat(request.lastUserMessage()).contains("Boję się, że zimą nie dojadę do pracy.")
                .contains("Dzień dobry, szukam auta rodzinnego.");
    }

    @Test
    void http500FailsWithAnHttpError() {
        fake.enqueueChat(FAST_MODEL, Answer.serverError());
        InteractionView interaction = record(null, "Model ma błąd 500");
        FastAnswerView stored = assertFailed(interaction, FastStatus.FAILED, "http_error", "ai.error.http");
        assertThat(stored.partialText()).isNullOrEmpty();
    }

    @Test
    void http429FailsAsRateLimited() {
        fake.enqueueChat(FAST_MODEL, Answer.rateLimited());
        InteractionView interaction = record(null, "Za dużo zapytań");
        assertFailed(interaction, FastStatus.FAILED, "rate_limited", "ai.error.rate-limited");
    }

    @Test
    void aModelThatNeverAnswersTimesOut() {
        fake.enqueueChat(FAST_MODEL, Answer.hang());
        InteractionView interaction = record(null, "Model milczy");
        List<LiveFastAnswer> seen = listen(interaction.id());
        long start = System.nanoTime();

        assertFailed(interaction, FastStatus.FAILED, "timeout", "ai.error.timeout");

        long waitedMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(waitedMs).as("given up after the first-chunk timeout of 2.5 s").isBetween(2000L, 9000L);
        assertThat(seen).as("the cockpit was told it takes long before it failed")
                .anyMatch(s -> s.status() == FastStatus.PENDING && s.late());
    }

    @Test
    void aStreamCutMidwayKeepsWhatArrived() {
        // chunks 100 ms apart, so the first ones are read before the connection drops (bytes in flight when it
        // is reset may be lost: "what arrived" is what the app had read)
        fake.enqueueChat(FAST_MODEL, Answer.text("SAY: Dzień dobry, chętnie pomogę wybrać auto na zimę.").cutAfter(4)
                .tokensPerSecond(10));
        InteractionView interaction = record(null, "Połączenie zerwane");
        List<LiveFastAnswer> seen = listen(interaction.id());

        FastAnswerView stored = assertFailed(interaction, FastStatus.FAILED, "connection_closed",
                "ai.error.connection-closed");

        assertThat(stored.partialText()).startsWith("SAY: Dzień ");
        assertThat("SAY: Dzień dobry, chętnie ").as("no more than was sent").startsWith(stored.partialText());
        LiveFastAnswer last = awaitLast(seen);
        assertThat(last.quickResponse()).as("the partial answer stays on screen").startsWith("Dzień")
                .isEqualTo(com.salescopilot.analysis.ai.FastAnswerStreamParser.parse(stored.partialText()).quickResponse());
    }

    @Test
    void aStreamThatStallsTimesOutAndKeepsWhatArrived() {
        fake.enqueueChat(FAST_MODEL, Answer.text("SAY: Jedną chwilę, sprawdzę dostępność.").stallAfter(3));
        InteractionView interaction = record(null, "Strumień stanął");

        FastAnswerView stored = assertFailed(interaction, FastStatus.FAILED, "timeout", "ai.error.timeout");

        assertThat(stored.partialText()).isEqualTo("SAY: Jedną chwilę, ");
    }

    @Test
    void aStreamThatEndsWithoutDoneIsACutConnection() {
        fake.enqueueChat(FAST_MODEL, Answer.text("SAY: Oczywiście, to dobre pytanie.").withoutDone());
        InteractionView interaction = record(null, "Bez done");

        FastAnswerView stored = assertFailed(interaction, FastStatus.FAILED, "connection_closed",
                "ai.error.connection-closed");

        assertThat(stored.partialText()).isEqualTo("SAY: Oczywiście, to dobre pytanie.");
    }

    @Test
    void anAnswerWithOnlyReasoningIsAnEmptyAnswer() {
        fake.enqueueChat(FAST_MODEL, Answer.onlyThinking("The client worries about range. I should say something but I won't."));
        InteractionView interaction = record(null, "Tylko myśli");

        FastAnswerView stored = assertFailed(interaction, FastStatus.FAILED, "empty_response", "ai.error.empty");

        assertThat(stored.partialText()).as("reasoning is never shown as the answer").isNullOrEmpty();
        assertThat(streams.current(interaction.id()).orElseThrow().quickResponse()).isEmpty();
    }

    @Test
    void aLateFirstTokenIsNoticedAndTheAnswerStillLands() {
        fake.enqueueChat(FAST_MODEL, Answer.text("SAY: Już odpowiadam, przepraszam za zwłokę.\nASK:\n- Czy to pilne?")
                .ttft(Duration.ofMillis(1200)));
        InteractionView interaction = record(null, "Model jest wolny");
        List<LiveFastAnswer> seen = listen(interaction.id());

        LiveFastAnswer last = awaitLast(seen);

        assertThat(last.status()).isEqualTo(FastStatus.DONE);
        int lateNotice = indexOf(seen, s -> s.status() == FastStatus.PENDING && s.late());
        int firstToken = indexOf(seen, s -> s.status() == FastStatus.STREAMING);
        assertThat(lateNotice).as("the notice after 0.4 s").isNotNegative();
        assertThat(firstToken).as("then the tokens").isGreaterThan(lateNotice);
        assertThat(seen.get(firstToken).late()).as("still marked late").isTrue();
        FastAnswerView stored = awaitFinished(interaction.id());
        assertThat(stored.status()).isEqualTo(FastStatus.DONE);
        assertThat(stored.result().quickResponse()).isEqualTo("Już odpowiadam, przepraszam za zwłokę.");
        assertThat(stored.result().questions()).containsExactly("Czy to pilne?");
        assertThat(stored.firstTokenMs()).isGreaterThanOrEqualTo(1200);
    }

    private static int indexOf(List<LiveFastAnswer> list, java.util.function.Predicate<LiveFastAnswer> p) {
        for (int i = 0; i < list.size(); i++) {
            if (p.test(list.get(i))) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void aStreamingAnswerCanBeCancelledAndKeepsWhatArrived() {
        fake.enqueueChat(FAST_MODEL, Answer.text("SAY: To jest bardzo długa odpowiedź, która płynie powoli słowo po słowie.")
                .tokensPerSecond(5));
        InteractionView interaction = record(null, "Anuluj to");
        List<LiveFastAnswer> seen = listen(interaction.id());
        await().atMost(WAIT).until(() -> seen.stream().anyMatch(s -> s.status() == FastStatus.STREAMING
                && s.quickResponse().startsWith("To jest")));

        Actor stranger = data.newUser(Role.SELLER);
        assertThatThrownBy(() -> fastPath.cancel(stranger, interaction.id())).isInstanceOf(NotFoundException.class);
        fastPath.cancel(seller, interaction.id());

        FastAnswerView stored = assertFailed(interaction, FastStatus.CANCELLED, "cancelled", "ai.error.cancelled");
        assertThat(stored.partialText()).startsWith("SAY: To jest").isNotEqualTo(
                "SAY: To jest bardzo długa odpowiedź, która płynie powoli słowo po słowie.");
        assertThat(awaitLast(seen).quickResponse()).startsWith("To jest");
        assertThatThrownBy(() -> fastPath.cancel(seller, interaction.id()))
                .as("nothing is running any more").isInstanceOf(ConflictException.class);
    }
}
