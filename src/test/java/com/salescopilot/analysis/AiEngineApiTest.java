package com.salescopilot.analysis;

import static com.salescopilot.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.salescopilot.ai.fake.Answer;
import com.salescopilot.ai.fake.FakeOllama;
import com.salescopilot.ai.fake.RecordedRequest;
import com.salescopilot.analysis.ai.AnalysisFixtures;
import com.salescopilot.security.Actor;
import com.salescopilot.security.Role;
import com.salescopilot.support.ApiClient;
import com.salescopilot.support.ApiClient.Response;
import com.salescopilot.support.HttpTest;
import com.salescopilot.support.TestData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
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
import tools.jackson.databind.JsonNode;

/**
 * The AI engine through the REST API over real HTTP, with the worker on and an API key configured
 * (the fake Ollama insists on it, like Ollama's cloud): POST returns at once, GET shows the fast
 * result, the analysis state and later the analysis; retry and cancel; the key is sent by both paths
 * and never appears in any response.
 */
@HttpTest
@TestPropertySource(properties = {
        "copilot.analysis.worker-enabled=true",
        "copilot.analysis.concurrency=2",
        "copilot.analysis.poll-interval=100ms",
        "copilot.analysis.retry-backoff=300ms",
        "copilot.analysis.max-attempts=2",
        "copilot.analysis.lease=30s",
        "copilot.ai.fast.model=fast-model:test",
        "copilot.ai.analysis.model=analysis-model:test",
        "copilot.ai.fast.timeout=3s",
        "copilot.ai.analysis.timeout=3s",
        "copilot.ai.first-token-notice=500ms",
        "copilot.ai.stream-idle-timeout=2s",
        "copilot.ai.api-key=" + AiEngineApiTest.KEY})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AiEngineApiTest {

    static final String KEY = "sk-cloud-5e1d7a0c93b24f";
    static final String FAST_MODEL = "fast-model:test";
    static final String ANALYSIS_MODEL = "analysis-model:test";
    static final String QUICK = "SAY: Rozumiem. Sprawdźmy zasięg zimą na Pana trasie.\nASK:\n- Ile km dziennie?\n- Czy ładuje Pan w domu?\n";
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
    TestData data;
    @Autowired
    JdbcClient jdbc;

    Actor seller;
    ApiClient api;
    ApiClient other;
    String marker;
    /** Every response body this test saw: none may contain the key. */
    final List<String> bodies = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fake.reset();
        fake.requireApiKey(KEY); // 401 for any request without "Authorization: Bearer <KEY>"
        fake.defaultAnswer(r -> r.hasSchema() ? Answer.json(AnalysisFixtures.fullJson()) : Answer.text(QUICK));
        jdbc.sql("update analysis_job set status = 'SUPERSEDED' where status in ('QUEUED', 'RUNNING')").update();
        seller = data.newUser(Role.SELLER, "pl");
        api = ApiClient.as(port, seller.username(), TestData.PASSWORD);
        other = ApiClient.as(port, data.newUser(Role.SELLER).username(), TestData.PASSWORD);
        marker = UUID.randomUUID().toString();
        if (!warm) {
            // the first model calls of a fresh JVM load a lot of classes (seconds on a busy 2-core machine);
            // the timeouts here are meant for the faults under test, not for that
            long id = post("Rozgrzewka").get("id").asLong();
            awaitGet(id, b -> !b.get("fast_status").asString().matches("pending|streaming")
                    && b.get("analysis_status").asString().matches("done|failed"));
            warm = true;
            marker = UUID.randomUUID().toString();
        }
    }

    private static boolean warm;

    @AfterEach
    void keyNeverInAResponse() {
        fake.reset();
        assertThat(bodies).isNotEmpty();
        assertThat(bodies).allSatisfy(body -> assertThat(body).doesNotContain(KEY));
    }

    private Response seen(Response r) {
        bodies.add(r.body());
        return r;
    }

    private JsonNode post(String text) {
        Response r = seen(api.post("/api/v1/interactions", json("session_id", null, "client_alias", "Klient " + marker,
                "type", "client_statement", "text", text + " [" + marker + "]", "language", "pl")));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    private JsonNode get(long interactionId) {
        Response r = seen(api.get("/api/v1/interactions/" + interactionId));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private JsonNode awaitGet(long interactionId, Predicate<JsonNode> until) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> until.test(get(interactionId)));
        return get(interactionId);
    }

    private static void assertProblem(Response r, int status) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.isProblem()).as(r.contentType()).isTrue();
        assertThat(r.json().get("detail").asString()).isNotBlank().doesNotContain("Exception");
    }

    private List<RecordedRequest> requestsOf(String model) {
        return fake.chatRequests().stream().filter(r -> model.equals(r.model()) && r.allText().contains(marker)).toList();
    }

    @Test
    void postAnswers201AtOnceEvenWhileTheModelHangs() {
        fake.defaultAnswer(r -> Answer.hang());

        long start = System.nanoTime();
        JsonNode created = post("Halo, jest tam kto?");
        long tookMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(tookMs).as("not waiting for the model (its timeout is 3 s)").isLessThan(2500);
        assertThat(created.get("id").asLong()).isPositive();
        assertThat(created.get("session_created").asBoolean()).isTrue();
        assertThat(created.get("fast_status").asString()).isEqualTo("pending");
        assertThat(created.get("analysis_status").asString()).isEqualTo("pending");
        long id = created.get("id").asLong();
        JsonNode now = get(id);
        assertThat(now.get("text").asString()).startsWith("Halo, jest tam kto?");
        assertThat(now.get("fast_status").asString()).isIn("pending", "streaming");
        assertThat(now.get("analysis_status").asString()).isIn("pending", "running");
        assertThat(now.get("analysis").isNull()).isTrue();

        // the fast path gives up after its timeout; the interaction stays and says why
        JsonNode failed = awaitGet(id, b -> b.get("fast_status").asString().equals("failed"));
        assertThat(failed.get("fast_result").get("error_code").asString()).isEqualTo("timeout");
        assertThat(failed.get("fast_result").get("error_message").asString()).isEqualTo("The model did not answer in time.");
        assertThat(failed.get("text").asString()).startsWith("Halo, jest tam kto?");
    }

    @Test
    void getShowsTheFastResultAndTheAnalysisStatusThenTheAnalysisAndBothPathsSendTheKey() {
        fake.enqueueChat(ANALYSIS_MODEL, Answer.json(AnalysisFixtures.fullJson()).ttft(Duration.ofMillis(2000)));
        long id = post("Boję się, że zimą nie dojadę.").get("id").asLong();

        JsonNode fastDone = awaitGet(id, b -> b.get("fast_status").asString().equals("done"));
        JsonNode fast = fastDone.get("fast_result");
        assertThat(fast.get("status").asString()).isEqualTo("done");
        assertThat(fast.get("quick_response").get("id").asString()).isEqualTo("qr_" + id);
        assertThat(fast.get("quick_response").get("text").asString())
                .isEqualTo("Rozumiem. Sprawdźmy zasięg zimą na Pana trasie.");
        assertThat(fast.get("suggested_questions")).hasSize(2);
        assertThat(fast.get("suggested_questions").get(0).get("id").asString()).isEqualTo("sq_" + id + "_1");
        assertThat(fast.get("suggested_questions").get(1).get("text").asString()).isEqualTo("Czy ładuje Pan w domu?");
        assertThat(fast.get("model").asString()).isEqualTo(FAST_MODEL);
        assertThat(fastDone.get("analysis_status").asString()).as("the analysis takes two seconds more").isIn("pending", "running");
        assertThat(fastDone.get("analysis_state").get("since").isNull()).isFalse();
        assertThat(fastDone.get("analysis").isNull()).isTrue();
        assertThat(fastDone.get("feedback")).isEmpty();

        JsonNode done = awaitGet(id, b -> b.get("analysis_status").asString().equals("done"));
        JsonNode analysis = done.get("analysis");
        assertThat(analysis.get("covers_interaction_id").asLong()).isEqualTo(id);
        assertThat(analysis.get("model").asString()).isEqualTo(ANALYSIS_MODEL);
        assertThat(analysis.get("result").get("big_five").get("openness").get("score").asInt()).isEqualTo(68);
        assertThat(analysis.get("result").get("strategy").get("next_best_action").asString()).startsWith("Offer a weekend");
        List<String> ids = new ArrayList<>();
        analysis.get("suggestions").forEach(n -> ids.add(n.get("id").asString()));
        assertThat(ids).contains("ar", "nba", "sa_1", "sa_3", "oh_1", "cq_1");
        assertThat(analysis.has("raw_output")).as("raw output is never shown").isFalse();
        // the evidence check: only the quote the client really said (in this one-line session) is verified
        JsonNode evidence = analysis.get("evidence");
        assertThat(evidence.get("verified_percent").asInt()).isEqualTo(25);
        assertThat(evidence.get("total").asInt()).isEqualTo(4);
        List<String> verified = new ArrayList<>();
        evidence.get("quotes").forEach(q -> {
            if (q.get("verified").asBoolean()) {
                verified.add(q.get("trait").asString() + ": " + q.get("text").asString());
            }
        });
        assertThat(verified).containsExactly("neuroticism: boję się, że zimą nie dojadę");
        assertThat(done.get("analysis_state").get("status").asString()).isEqualTo("done");
        assertThat(done.get("analysis_state").get("attempts").asInt()).isEqualTo(1);

        // the key: sent by both paths (the fake answers 401 without it), and nowhere in our answers
        List<RecordedRequest> fastRequests = requestsOf(FAST_MODEL);
        List<RecordedRequest> analysisRequests = requestsOf(ANALYSIS_MODEL);
        assertThat(fastRequests).hasSize(1).allSatisfy(r -> {
            assertThat(r.stream()).isTrue();
            assertThat(r.header("Authorization")).isEqualTo("Bearer " + KEY);
        });
        assertThat(analysisRequests).hasSize(1).allSatisfy(r -> {
            assertThat(r.hasSchema()).isTrue();
            assertThat(r.header("Authorization")).isEqualTo("Bearer " + KEY);
        });
        seen(other.get("/api/v1/interactions/" + id));
        seen(api.post("/api/v1/interactions/" + id + "/analysis/retry", "{}"));
        seen(api.post("/api/v1/interactions", json("type", "nonsense", "text", "")));
    }

    @Test
    void aKeyTheModelServiceRejectsFailsBothPathsReadablyAndWithoutRetrying() {
        fake.requireApiKey("the-key-the-service-wants");
        long id = post("Klucz odrzucony.").get("id").asLong();

        JsonNode failed = awaitGet(id, b -> b.get("fast_status").asString().equals("failed")
                && b.get("analysis_status").asString().equals("failed"));

        assertThat(failed.get("fast_result").get("error_code").asString()).isEqualTo("auth");
        assertThat(failed.get("fast_result").get("error_message").asString())
                .isEqualTo("The model service rejected the API key. Ask an administrator to check it.");
        JsonNode state = failed.get("analysis_state");
        assertThat(state.get("error_code").asString()).isEqualTo("auth");
        assertThat(state.get("error_message").asString()).contains("API key");
        assertThat(state.get("attempts").asInt()).as("another attempt would not help").isEqualTo(1);
        assertThat(requestsOf(ANALYSIS_MODEL)).hasSize(1)
                .allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer " + KEY));
    }

    @Test
    void aFailedAnalysisShowsWhyAndIsRetriedThroughTheApi() {
        fake.defaultAnswer(r -> r.hasSchema() ? Answer.httpError(503, "model is loading") : Answer.text(QUICK));
        long id = post("Model chwilowo niedostępny.").get("id").asLong();

        JsonNode failed = awaitGet(id, b -> b.get("analysis_status").asString().equals("failed"));
        JsonNode state = failed.get("analysis_state");
        assertThat(state.get("attempts").asInt()).isEqualTo(2);
        assertThat(state.get("max_attempts").asInt()).isEqualTo(2);
        assertThat(state.get("error_code").asString()).isEqualTo("http_error");
        assertThat(state.get("error_message").asString()).isEqualTo("The model service reported an error.");
        assertThat(failed.get("analysis").isNull()).isTrue();
        assertThat(failed.get("fast_status").asString()).as("the fast path is independent").isIn("pending", "streaming", "done");

        assertProblem(seen(other.post("/api/v1/interactions/" + id + "/analysis/retry", "{}")), 404);
        assertProblem(seen(ApiClient.anonymous(port).post("/api/v1/interactions/" + id + "/analysis/retry", "{}")), 401);
        fake.defaultAnswer(r -> r.hasSchema() ? Answer.json(AnalysisFixtures.fullJson()) : Answer.text(QUICK));
        Response retry = seen(api.post("/api/v1/interactions/" + id + "/analysis/retry", "{}"));
        assertThat(retry.status()).as(retry.toString()).isEqualTo(202);
        assertThat(retry.json().get("status").asString()).isIn("pending", "running", "done");
        assertThat(retry.json().get("covers_interaction_id").asLong()).isEqualTo(id);

        JsonNode done = awaitGet(id, b -> b.get("analysis_status").asString().equals("done"));
        assertThat(done.get("analysis").get("result").get("overall_confidence").asInt()).isEqualTo(45);
        assertProblem(seen(api.post("/api/v1/interactions/" + id + "/analysis/retry", "{}")), 409);
    }

    @Test
    void aStreamingAnswerIsCancelledThroughTheApi() {
        fake.defaultAnswer(r -> r.hasSchema() ? Answer.json(AnalysisFixtures.fullJson())
                : Answer.text("SAY: To będzie bardzo długa i powolna odpowiedź na Pana pytanie o cenę.").tokensPerSecond(4));
        long id = post("Ile to kosztuje?").get("id").asLong();
        awaitGet(id, b -> b.get("fast_status").asString().equals("streaming"));

        assertProblem(seen(other.post("/api/v1/interactions/" + id + "/fast/cancel", "{}")), 404);
        Response cancel = seen(api.post("/api/v1/interactions/" + id + "/fast/cancel", "{}"));
        assertThat(cancel.status()).as(cancel.toString()).isEqualTo(202);

        JsonNode cancelled = awaitGet(id, b -> b.get("fast_status").asString().equals("cancelled"));
        assertThat(cancelled.get("fast_result").get("error_code").asString()).isEqualTo("cancelled");
        assertThat(cancelled.get("fast_result").get("partial_text").asString()).startsWith("SAY: To")
                .isNotEqualTo("SAY: To będzie bardzo długa i powolna odpowiedź na Pana pytanie o cenę.");
        assertProblem(seen(api.post("/api/v1/interactions/" + id + "/fast/cancel", "{}")), 409);
    }

    @Test
    void theEngineEndpointsNeedALogin() {
        ApiClient anonymous = ApiClient.anonymous(port);
        long id = post("Kto pyta?").get("id").asLong();
        for (Response r : List.of(anonymous.get("/api/v1/interactions/" + id),
                anonymous.post("/api/v1/interactions/" + id + "/fast/cancel", "{}"),
                anonymous.post("/api/v1/interactions/" + id + "/analysis/retry", "{}"))) {
            assertProblem(seen(r), 401);
        }
    }
}
