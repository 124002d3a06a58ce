package com.salescopilot.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.salescopilot.ai.fake.Answer;
import com.salescopilot.ai.fake.FakeOllama;
import com.salescopilot.ai.fake.RecordedRequest;
import com.salescopilot.analysis.ai.AnalysisFixtures;
import com.salescopilot.analysis.push.SessionEvent;
import com.salescopilot.analysis.push.SessionEventBus;
import com.salescopilot.analysis.queue.AnalysisJob;
import com.salescopilot.analysis.queue.AnalysisJobQueue;
import com.salescopilot.analysis.queue.JobStatus;
import com.salescopilot.security.Actor;
import com.salescopilot.security.Role;
import com.salescopilot.session.InteractionView;
import com.salescopilot.session.RecordInteraction;
import com.salescopilot.session.SessionService;
import com.salescopilot.support.ApiClient;
import com.salescopilot.support.ApiClient.Response;
import com.salescopilot.support.HttpTest;
import com.salescopilot.support.TestData;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.node.ObjectNode;

/**
 * The slow path end to end with the worker on: the real {@code LlmAnalysisRunner} asks the fake Ollama
 * (JSON schema in {@code format}), validates, repairs once, and the durable queue stores, retries with
 * backoff and fails readably. Supersession is {@code AnalysisQueueTest}'s.
 */
@HttpTest
@TestPropertySource(properties = {
        "copilot.analysis.worker-enabled=true",
        "copilot.analysis.concurrency=2",
        "copilot.analysis.poll-interval=100ms",
        "copilot.analysis.retry-backoff=400ms",
        "copilot.analysis.max-attempts=3",
        "copilot.analysis.lease=30s",
        "copilot.ai.fast.model=fast-model:test",
        "copilot.ai.analysis.model=analysis-model:test",
        "copilot.ai.analysis.timeout=3s"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SlowPathIntegrationTest {

    static final String ANALYSIS_MODEL = "analysis-model:test";
    static final Duration WAIT = Duration.ofSeconds(15);
    static final FakeOllama fake = FakeOllama.start();

    @DynamicPropertySource
    static void ai(DynamicPropertyRegistry registry) {
        registry.add("copilot.ai.base-url", fake::baseUrl);
    }

    @AfterAll
    static void closeFake() {
        fake.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    SessionService sessions;
    @Autowired
    AnalysisService analysis;
    @Autowired
    AnalysisJobQueue queue;
    @Autowired
    SessionEventBus bus;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;

    Actor seller;
    String marker;

    @BeforeEach
    void setUp() {
        fake.reset();
        // a schema request without a queued answer gets the complete fixture analysis
        fake.defaultAnswer(r -> r.hasSchema() ? Answer.json(AnalysisFixtures.fullJson()) : FakeOllama.standardAnswer(r));
        // other test classes leave queued requests behind in the shared database: not ours to run
        jdbc.sql("update analysis_job set status = 'SUPERSEDED' where status in ('QUEUED', 'RUNNING')").update();
        seller = data.newUser(Role.SELLER, "pl");
        marker = UUID.randomUUID().toString();
        if (!warm) {
            // the first model call of a fresh JVM loads a lot of classes (seconds on a busy 2-core machine)
            InteractionView warmUp = record("Rozgrzewka");
            await().atMost(Duration.ofSeconds(30)).until(() -> queue.latestOfSession(warmUp.sessionId())
                    .map(j -> j.status() == JobStatus.DONE || j.status() == JobStatus.FAILED).orElse(false));
            warm = true;
            marker = UUID.randomUUID().toString();
        }
    }

    private static boolean warm;

    @AfterEach
    void tearDown() {
        fake.reset();
    }

    private InteractionView record(String text) {
        return sessions.record(seller, new RecordInteraction(null, null, "Klient " + marker, "client_statement",
                text + " [" + marker + "]", "pl")).interaction();
    }

    /** The analysis requests of this test's session (the prompt carries the marker). */
    private List<RecordedRequest> analysisRequests() {
        return fake.chatRequests().stream()
                .filter(r -> ANALYSIS_MODEL.equals(r.model()) && r.allText().contains(marker)).toList();
    }

    private AnalysisJob awaitJob(long sessionId, JobStatus status) {
        await().atMost(WAIT).until(() -> queue.latestOfSession(sessionId).map(j -> j.status() == status).orElse(false));
        return queue.latestOfSession(sessionId).orElseThrow();
    }

    private Map<String, Object> storedRow(long sessionId) {
        return jdbc.sql("select raw_output, repaired, warnings::text as warnings, model from analysis where session_id = ?")
                .param(sessionId).query().singleRow();
    }

    private long analysesOf(long sessionId) {
        return jdbc.sql("select count(*) from analysis where session_id = ?").param(sessionId).query(Long.class).single();
    }

    @Test
    void aSchemaAnswerIsStoredValidatedWithScoresClampedAndTheRawOutputKept() {
        String raw = AnalysisFixtures.fullJsonWith(tree -> {
            ((ObjectNode) tree.path("big_five").path("openness")).put("score", 150);
            ((ObjectNode) tree.path("indicators").path("churn_risk")).put("score", -20);
            tree.put("overall_confidence", 140);
        });
        fake.enqueueChat(ANALYSIS_MODEL, Answer.json(raw));
        InteractionView interaction = record("Boję się, że zimą nie dojadę do pracy.");
        List<SessionEvent> events = new CopyOnWriteArrayList<>();
        Runnable unregister = bus.register(interaction.sessionId(), events::add);
        try {
            AnalysisJob job = awaitJob(interaction.sessionId(), JobStatus.DONE);

            assertThat(job.attempts()).isEqualTo(1);
            StoredAnalysis stored = analysis.latest(seller, interaction.sessionId()).orElseThrow();
            assertThat(stored.interactionId()).isEqualTo(interaction.id());
            assertThat(stored.result().bigFive().openness().score()).isEqualTo(100);
            assertThat(stored.result().bigFive().conscientiousness().score()).isEqualTo(80);
            assertThat(stored.result().indicators().churnRisk().score()).isZero();
            assertThat(stored.result().indicators().churnRisk().level())
                    .as("the level follows the clamped score").isEqualTo(stored.result().indicators().churnRisk().derivedLevel());
            assertThat(stored.result().overallConfidence()).isEqualTo(100);
            assertThat(stored.result().strategy().nextBestAction()).startsWith("Offer a weekend test drive");
            assertThat(stored.warnings()).anyMatch(w -> w.startsWith("big_five.openness.score"))
                    .anyMatch(w -> w.startsWith("indicators.churn_risk.score"))
                    .anyMatch(w -> w.startsWith("overall_confidence"));
            assertThat(stored.repaired()).isFalse();
            assertThat(stored.model()).isEqualTo(ANALYSIS_MODEL);
            assertThat(analysis.analysisOfInteraction(seller, interaction.id())).contains(stored);
            Map<String, Object> row = storedRow(interaction.sessionId());
            assertThat(row.get("raw_output")).as("the model's own text, unclamped, for audit").isEqualTo(raw);
            await().atMost(WAIT).until(() -> events.stream()
                    .anyMatch(e -> e.kind() == SessionEvent.Kind.ANALYSIS_DONE && e.refId() == job.id()));
        } finally {
            unregister.run();
        }

        List<RecordedRequest> requests = analysisRequests();
        assertThat(requests).hasSize(1);
        RecordedRequest request = requests.getFirst();
        assertThat(request.stream()).isFalse();
        assertThat(request.hasSchema()).isTrue();
        assertThat(request.format().path("properties").has("big_five")).isTrue();
        assertThat(request.format().path("properties").has("strategy")).isTrue();
        assertThat(request.think().asString()).isEqualTo("medium");
        assertThat(request.lastUserMessage()).contains("Boję się, że zimą nie dojadę do pracy.");
    }

    @Test
    void jsonInAMarkdownFenceIsAccepted() {
        fake.enqueueChat(ANALYSIS_MODEL, Answer.markdownJson(AnalysisFixtures.fullJson()));
        InteractionView interaction = record("Proszę o konkrety.");

        awaitJob(interaction.sessionId(), JobStatus.DONE);

        StoredAnalysis stored = analysis.latest(seller, interaction.sessionId()).orElseThrow();
        assertThat(stored.repaired()).isFalse();
        assertThat(stored.result().strategy().archetype()).isNotBlank();
        assertThat((String) storedRow(interaction.sessionId()).get("raw_output")).startsWith("```json");
        assertThat(analysisRequests()).hasSize(1);
    }

    @Test
    void invalidJsonThenAValidRepairIsStoredAsRepaired() {
        fake.enqueueChat(ANALYSIS_MODEL, Answer.invalidJson(), Answer.json(AnalysisFixtures.fullJson()));
        InteractionView interaction = record("Nie wiem jeszcze.");

        AnalysisJob job = awaitJob(interaction.sessionId(), JobStatus.DONE);

        assertThat(job.attempts()).as("the repair is part of the same attempt").isEqualTo(1);
        StoredAnalysis stored = analysis.latest(seller, interaction.sessionId()).orElseThrow();
        assertThat(stored.repaired()).isTrue();
        assertThat(stored.result().bigFive().openness().score()).isEqualTo(68);
        String raw = (String) storedRow(interaction.sessionId()).get("raw_output");
        assertThat(raw).contains("----- repair answer -----").contains("Offer a weekend test drive");
        List<RecordedRequest> requests = analysisRequests();
        assertThat(requests).hasSize(2);
        List<Map.Entry<String, String>> repair = requests.get(1).messages();
        assertThat(repair).extracting(Map.Entry::getKey).containsExactly("system", "user", "assistant", "user");
        assertThat(repair.subList(0, 2)).as("the same conversation").isEqualTo(requests.get(0).messages());
        assertThat(repair.get(2).getValue()).as("the invalid answer is shown back").startsWith("{").isNotEqualTo(
                AnalysisFixtures.fullJson());
        assertThat(repair.get(3).getValue()).as("with the validation errors").isNotBlank();
        assertThat(requests.get(1).hasSchema()).isTrue();
    }

    @Test
    void invalidTwiceIsRetriedWithBackoffThenFailsReadablyAndTheApiRetryCompletesIt() {
        for (int i = 0; i < 6; i++) {
            fake.enqueueChat(ANALYSIS_MODEL, Answer.invalidJson());
        }
        InteractionView interaction = record("Coś tam.");

        AnalysisJob failed = awaitJob(interaction.sessionId(), JobStatus.FAILED);

        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.errorCode()).isEqualTo("invalid_output");
        assertThat(failed.errorMessage()).startsWith("The model's answer was not a valid analysis, twice")
                .doesNotContain("Exception").doesNotContain("{");
        assertThat(analysesOf(interaction.sessionId())).isZero();
        List<RecordedRequest> requests = analysisRequests();
        assertThat(requests).as("3 attempts of answer + repair").hasSize(6);
        // backoff: 400 ms after the first failed attempt, 800 ms after the second
        assertThat(Duration.between(requests.get(1).receivedAt(), requests.get(2).receivedAt()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(350));
        assertThat(Duration.between(requests.get(3).receivedAt(), requests.get(4).receivedAt()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(750));
        AnalysisState state = analysis.stateOfInteraction(seller, interaction.id());
        assertThat(state.status()).isEqualTo(AnalysisStatus.FAILED);
        assertThat(state.errorMessage()).isEqualTo(failed.errorMessage());

        ApiClient api = ApiClient.as(port, seller.username(), TestData.PASSWORD);
        Response retry = api.post("/api/v1/interactions/" + interaction.id() + "/analysis/retry", "{}");
        assertThat(retry.status()).as(retry.toString()).isEqualTo(202);
        assertThat(retry.json().get("status").asString()).isIn("pending", "running", "done");

        awaitJob(interaction.sessionId(), JobStatus.DONE);
        assertThat(analysesOf(interaction.sessionId())).isEqualTo(1);
        Response details = api.get("/api/v1/interactions/" + interaction.id());
        assertThat(details.json().get("analysis_status").asString()).isEqualTo("done");
        assertThat(details.json().get("analysis").get("repaired").asBoolean()).isFalse();
        Response again = api.post("/api/v1/interactions/" + interaction.id() + "/analysis/retry", "{}");
        assertThat(again.status()).as("nothing failed any more").isEqualTo(409);
    }

    @Test
    void aModelThatIsDownFailsAfterTheBoundedNumberOfAttempts() {
        fake.defaultAnswer(r -> ANALYSIS_MODEL.equals(r.model()) ? Answer.serverError() : FakeOllama.standardAnswer(r));
        InteractionView interaction = record("Model nie działa.");

        AnalysisJob failed = awaitJob(interaction.sessionId(), JobStatus.FAILED);

        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.errorCode()).isEqualTo("http_error");
        assertThat(failed.errorMessage()).isEqualTo("The model service reported an error.");
        assertThat(analysesOf(interaction.sessionId())).isZero();
        // bounded: no fourth call, however long we wait
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3))
                .until(() -> analysisRequests().size() == 3);
        // the interaction is there, and its fast answer was not affected
        assertThat(sessions.interaction(seller, interaction.id()).text()).contains("Model nie działa.");
    }

    @Test
    void aHangingModelTimesOutAndTheNextAttemptSucceeds() {
        fake.enqueueChat(ANALYSIS_MODEL, Answer.hang());
        InteractionView interaction = record("Długo myśli.");

        await().atMost(WAIT).until(() -> queue.latestOfSession(interaction.sessionId())
                .map(j -> "timeout".equals(j.errorCode())).orElse(false));
        AnalysisJob job = awaitJob(interaction.sessionId(), JobStatus.DONE);

        assertThat(job.attempts()).isEqualTo(2);
        assertThat(analysesOf(interaction.sessionId())).isEqualTo(1);
        assertThat(analysisRequests()).hasSize(2);
    }
}
