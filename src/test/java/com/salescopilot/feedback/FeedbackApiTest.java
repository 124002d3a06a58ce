package com.salescopilot.feedback;

import static com.salescopilot.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.salescopilot.ai.fake.Answer;
import com.salescopilot.ai.fake.FakeOllama;
import com.salescopilot.analysis.ai.AnalysisFixtures;
import com.salescopilot.security.Actor;
import com.salescopilot.security.Role;
import com.salescopilot.support.ApiClient;
import com.salescopilot.support.ApiClient.Response;
import com.salescopilot.support.HttpTest;
import com.salescopilot.support.TestData;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
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
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * 👍/👎 over the REST API on suggestions that the real fast path and slow path produced (fake Ollama,
 * worker on): one vote per user and suggestion, the other thumb changes it, the text snapshot and the
 * session's latest analysis stored with it, and every kind of bad request refused without a row.
 */
@HttpTest
@TestPropertySource(properties = {
        "copilot.analysis.worker-enabled=true",
        "copilot.analysis.concurrency=2",
        "copilot.analysis.poll-interval=100ms",
        "copilot.analysis.lease=30s",
        "copilot.ai.fast.model=fast-model:test",
        "copilot.ai.analysis.model=analysis-model:test"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class FeedbackApiTest {

    static final String ANALYSIS_MODEL = "analysis-model:test";
    static final String QUICK = "SAY: Sprawdźmy zasięg zimą na Pana trasie.\nASK:\n- Ile km dziennie?\n- Czy ładuje Pan w domu?\n";
    static final JsonMapper JSON = JsonMapper.builder().build();
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
    long interactionId;
    long sessionId;

    @BeforeEach
    void setUp() {
        fake.reset();
        fake.defaultAnswer(r -> r.hasSchema() ? Answer.json(AnalysisFixtures.fullJson()) : Answer.text(QUICK));
        jdbc.sql("update analysis_job set status = 'SUPERSEDED' where status in ('QUEUED', 'RUNNING')").update();
        seller = data.newUser(Role.SELLER, "pl");
        api = ApiClient.as(port, seller.username(), TestData.PASSWORD);
        JsonNode created = record(null, "Boję się, że zimą nie dojadę.");
        interactionId = created.get("id").asLong();
        sessionId = created.get("session_id").asLong();
        awaitAnswered(interactionId);
    }

    private JsonNode record(Long session, String text) {
        Response r = api.post("/api/v1/interactions", json("session_id", session,
                "client_alias", session == null ? "Klient " + UUID.randomUUID() : null, "type", "client_statement",
                "text", text, "language", "pl"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    /** Waits until the interaction has its fast answer and its analysis. */
    private JsonNode awaitAnswered(long id) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonNode body = api.get("/api/v1/interactions/" + id).json();
            return body.get("fast_status").asString().equals("done") && body.get("analysis_status").asString().equals("done");
        });
        return api.get("/api/v1/interactions/" + id).json();
    }

    private Response vote(ApiClient client, long interaction, String suggestionId, String type, Object score, String comment) {
        return client.post("/api/v1/interactions/" + interaction + "/feedback",
                json("suggestion_id", suggestionId, "suggestion_type", type, "score", score, "comment", comment));
    }

    private Map<String, Object> row(long feedbackId) {
        return jdbc.sql("""
                select interaction_id, session_id, owner_id, user_id, suggestion_id, suggestion_type, text_snapshot, score,
                       comment, context::text as context, version
                from feedback where id = ?""").param(feedbackId).query().singleRow();
    }

    private long rowsOf(long interaction) {
        return jdbc.sql("select count(*) from feedback where interaction_id = ?").param(interaction).query(Long.class).single();
    }

    private static void assertProblem(Response r, int status) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.isProblem()).as(r.contentType()).isTrue();
        assertThat(r.json().get("detail").asString()).isNotBlank().doesNotContain("Exception");
    }

    @Test
    void aVoteIsStoredWithTheTextSnapshotAndTheSessionsLatestAnalysis() {
        // a second interaction whose analysis differs: the vote on the first must carry this newer one
        fake.enqueueChat(ANALYSIS_MODEL, Answer.json(AnalysisFixtures.fullJsonWith(tree -> {
            ((ObjectNode) tree.path("big_five").path("openness")).put("score", 31);
            ((ObjectNode) tree.path("indicators").path("purchase_temperature")).put("score", 80).put("band", "hot");
        })));
        long second = record(sessionId, "Dobrze, to proszę o jazdę próbną.").get("id").asLong();
        awaitAnswered(second);
        long latestAnalysis = jdbc.sql("select max(id) from analysis where session_id = ?").param(sessionId)
                .query(Long.class).single();

        Response r = vote(api, interactionId, "qr_" + interactionId, "quick_response", 1, "Dobrze brzmi");

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode body = r.json();
        assertThat(body.get("suggestion_id").asString()).isEqualTo("qr_" + interactionId);
        assertThat(body.get("suggestion_type").asString()).isEqualTo("quick_response");
        assertThat(body.get("text_snapshot").asString()).isEqualTo("Sprawdźmy zasięg zimą na Pana trasie.");
        assertThat(body.get("score").asInt()).isEqualTo(1);
        assertThat(body.get("comment").asString()).isEqualTo("Dobrze brzmi");
        assertThat(body.get("user").asString()).isEqualTo(seller.username());

        Map<String, Object> row = row(body.get("id").asLong());
        assertThat(row).containsEntry("interaction_id", interactionId).containsEntry("session_id", sessionId)
                .containsEntry("owner_id", seller.userId()).containsEntry("user_id", seller.userId())
                .containsEntry("suggestion_type", "quick_response")
                .containsEntry("text_snapshot", "Sprawdźmy zasięg zimą na Pana trasie.")
                .containsEntry("comment", "Dobrze brzmi");
        assertThat(((Number) row.get("score")).intValue()).isEqualTo(1);
        JsonNode context = JSON.readTree((String) row.get("context"));
        assertThat(context.get("analysis_id").asLong()).as("the session's latest analysis").isEqualTo(latestAnalysis);
        assertThat(context.get("big_five").get("openness").get("score").asInt()).isEqualTo(31);
        assertThat(context.get("indicators").get("purchase_temperature").get("score").asInt()).isEqualTo(80);
        assertThat(context.get("indicators").get("churn_risk").get("score").asInt()).isEqualTo(45);
        assertThat(context.has("disc")).isTrue();
        assertThat(context.has("schwartz_values")).isTrue();
        assertThat(context.get("archetype").asString()).isNotBlank();
        assertThat(context.get("overall_confidence").asInt()).isEqualTo(45);
    }

    @Test
    void theOtherThumbChangesTheVoteInsteadOfAddingOne() {
        String id = "sq_" + interactionId + "_1";
        Response up = vote(api, interactionId, id, "suggested_question", 1, "Trafne");
        Response down = vote(api, interactionId, id, "suggested_question", -1, null);

        assertThat(up.status()).as(up.toString()).isEqualTo(201);
        assertThat(down.status()).as(down.toString()).isEqualTo(201);
        assertThat(down.json().get("id").asLong()).isEqualTo(up.json().get("id").asLong());
        assertThat(down.json().get("score").asInt()).isEqualTo(-1);
        assertThat(rowsOf(interactionId)).isEqualTo(1);
        Map<String, Object> row = row(down.json().get("id").asLong());
        assertThat(((Number) row.get("score")).intValue()).isEqualTo(-1);
        assertThat(row).containsEntry("text_snapshot", "Ile km dziennie?").containsEntry("comment", "Trafne");
        assertThat(((Number) row.get("version")).longValue()).isEqualTo(1);

        JsonNode feedback = api.get("/api/v1/interactions/" + interactionId).json().get("feedback");
        assertThat(feedback).hasSize(1);
        assertThat(feedback.get(0).get("suggestion_id").asString()).isEqualTo(id);
        assertThat(feedback.get(0).get("score").asInt()).isEqualTo(-1);

        // another person's vote on the same suggestion is their own
        Actor manager = data.newUser(Role.MANAGER);
        Response managers = vote(ApiClient.as(port, manager.username(), TestData.PASSWORD), interactionId, id,
                "suggested_question", 1, null);
        assertThat(managers.status()).as(managers.toString()).isEqualTo(201);
        assertThat(managers.json().get("id").asLong()).isNotEqualTo(up.json().get("id").asLong());
        assertThat(rowsOf(interactionId)).isEqualTo(2);
        assertThat(((Number) row(down.json().get("id").asLong()).get("score")).intValue()).isEqualTo(-1);
    }

    @Test
    void suggestionsOfTheAnalysisCanBeRatedToo() {
        Response action = vote(api, interactionId, "sa_2", "suggested_action", 1, null);
        Response handler = vote(api, interactionId, "oh_1", "objection_handler", -1, "Za ogólne");

        assertThat(action.status()).as(action.toString()).isEqualTo(201);
        assertThat(action.json().get("text_snapshot").asString()).isEqualTo("Book a weekend test drive");
        assertThat(handler.status()).as(handler.toString()).isEqualTo(201);
        assertThat(handler.json().get("text_snapshot").asString()).contains("Range drops in winter")
                .contains("Show the measured winter range");
        assertThat(rowsOf(interactionId)).isEqualTo(2);
    }

    @Test
    void badRequestsAre400AndStoreNothing() {
        long sibling = record(sessionId, "Drugie zdanie.").get("id").asLong();
        awaitAnswered(sibling);
        String qr = "qr_" + interactionId;

        for (Response r : new Response[] {
                vote(api, interactionId, "qr_999999999", "quick_response", 1, null),      // no such suggestion
                vote(api, interactionId, "qr_" + sibling, "quick_response", 1, null),     // another interaction's
                vote(api, interactionId, "sq_" + interactionId + "_9", "suggested_question", 1, null),
                vote(api, interactionId, "sa_99", "suggested_action", 1, null),
                vote(api, interactionId, "nonsense", "quick_response", 1, null),
                vote(api, interactionId, null, "quick_response", 1, null)}) {
            assertProblem(r, 400);
            assertThat(r.json().get("errors").has("suggestion_id")).as(r.toString()).isTrue();
        }
        Response wrongType = vote(api, interactionId, qr, "suggested_question", 1, null);
        assertProblem(wrongType, 400);
        assertThat(wrongType.json().get("errors").has("suggestion_type")).isTrue();
        for (Object score : new Object[] {0, 2, -2, null}) {
            Response r = vote(api, interactionId, qr, "quick_response", score, null);
            assertProblem(r, 400);
            assertThat(r.json().get("errors").has("score")).as(r.toString()).isTrue();
        }
        assertThat(rowsOf(interactionId)).isZero();
    }

    @Test
    void aForeignOrMissingInteractionIs404AndAnonymousIs401() {
        ApiClient stranger = ApiClient.as(port, data.newUser(Role.SELLER).username(), TestData.PASSWORD);

        assertProblem(vote(stranger, interactionId, "qr_" + interactionId, "quick_response", 1, null), 404);
        assertProblem(vote(api, 999_999_999L, "qr_999999999", "quick_response", 1, null), 404);
        assertProblem(vote(ApiClient.anonymous(port), interactionId, "qr_" + interactionId, "quick_response", 1, null), 401);
        assertThat(rowsOf(interactionId)).isZero();
    }
}
