package com.salescopilot.analysis.ai;

import com.salescopilot.analysis.AnalysisResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Shared test data: a complete, valid model answer and the app's JSON conventions, and the analysis
 * scenarios the panels are tested with (full, partial, low confidence, invented quote). Every
 * scenario is a change of the full answer's JSON, parsed by the app's parser: no test builds the result
 * records by hand, so a change to a record's signature touches the parser and this one file at most.
 */
public final class AnalysisFixtures {

    /** The app's JSON mapper settings (spring.jackson.property-naming-strategy: SNAKE_CASE). */
    public static final JsonMapper SNAKE = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    private AnalysisFixtures() {
    }

    /** A complete answer as the model would give it (see src/test/resources/analysis/full-analysis.json). */
    public static String fullJson() {
        try (InputStream in = AnalysisFixtures.class.getResourceAsStream("/analysis/full-analysis.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode fullTree() {
        return (ObjectNode) SNAKE.readTree(fullJson());
    }

    /** The full answer with a change applied to its tree. */
    public static String fullJsonWith(java.util.function.Consumer<ObjectNode> change) {
        ObjectNode tree = fullTree();
        change.accept(tree);
        return SNAKE.writeValueAsString(tree);
    }

    public static AnalysisResult fullResult() {
        ParseOutcome outcome = new AnalysisParser().parse(fullJson());
        if (!outcome.ok()) {
            throw new IllegalStateException("fixture does not parse: " + outcome.errors());
        }
        return outcome.result();
    }

    // ---- scenarios for the dashboards ----------------------------------------------------------------

    /**
     * What the client said, recorded as interactions: every evidence quote of {@link #fullJson()} is in
     * it (with different case, spacing and diacritics in places, as a seller types).
     */
    public static final java.util.List<String> CONVERSATION = java.util.List.of(
            "Klient ogląda model na ekspozycji i pyta: A jak wygląda ta nowa bateria?",
            "Mówi: proszę o dokładne dane zasięgu zimą, bo boję się, że zimą nie dojadę do teściów.",
            "Dodaje, że chce to mieć na piśmie i pyta o termin dostawy.");

    /** The quote {@link #inventedQuoteJson()} adds to conscientiousness: never said in {@link #CONVERSATION}. */
    public static final String INVENTED_QUOTE = "podpiszę umowę jeszcze dziś";

    /** The complete analysis with Polish texts (for the Polish screenshots), the same quotes and scores. */
    public static String fullJsonPolish() {
        try (InputStream in = AnalysisFixtures.class.getResourceAsStream("/analysis/full-analysis-pl.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The complete analysis (all parts, every quote verbatim from {@link #CONVERSATION}). */
    public static String fullJsonForDashboards() {
        return fullJson();
    }

    /** Only some parts: no indicators, no Schwartz values, no client DNA, nothing to ask, thin strategy. */
    public static String partialJson() {
        return fullJsonWith(tree -> {
            tree.remove("indicators");
            tree.remove("schwartz_values");
            tree.remove("client_dna");
            tree.putArray("clarifying_questions");
            ObjectNode strategy = (ObjectNode) tree.get("strategy");
            strategy.putArray("strategic_notes");
            strategy.putArray("buy_signals");
            strategy.putArray("objection_handlers");
            strategy.put("runner_up_archetype", "");
        });
    }

    /** A weak profile: the model is unsure about everything and says it needs more information. */
    public static String lowConfidenceJson() {
        return fullJsonWith(tree -> {
            tree.put("overall_confidence", 18);
            tree.put("needs_more_information", true);
            ObjectNode bigFive = (ObjectNode) tree.get("big_five");
            for (String trait : java.util.List.of("openness", "conscientiousness", "extraversion", "agreeableness",
                    "neuroticism")) {
                ((ObjectNode) bigFive.get(trait)).put("confidence", 15);
            }
        });
    }

    /** The full analysis with one more conscientiousness quote that was never said ({@link #INVENTED_QUOTE}). */
    public static String inventedQuoteJson() {
        return fullJsonWith(tree -> ((tools.jackson.databind.node.ArrayNode) tree.get("big_five")
                .get("conscientiousness").get("evidence")).add(INVENTED_QUOTE));
    }

    /** A scenario's JSON as the app's parser reads it (not validated: partial parts stay null). */
    public static AnalysisResult result(String json) {
        ParseOutcome outcome = new AnalysisParser().parse(json);
        if (outcome.result() == null) {
            throw new IllegalStateException("fixture does not parse: " + outcome.errors());
        }
        return outcome.result();
    }

    /**
     * Stores a scenario as the session's newest finished analysis of {@code interactionId} (a done job
     * and its analysis row, as the worker would leave them, without an evidence check: the app checks
     * such an analysis when it shows it). Returns the analysis id.
     */
    public static long store(org.springframework.jdbc.core.simple.JdbcClient jdbc, long sessionId, long interactionId,
                             long ownerId, String json) {
        long job = jdbc.sql("""
                insert into analysis_job (session_id, interaction_id, owner_id, status, attempts, max_attempts,
                                          started_at, finished_at)
                values (?, ?, ?, 'DONE', 1, 3, now(), now()) returning id""")
                .params(sessionId, interactionId, ownerId).query(Long.class).single();
        return jdbc.sql("""
                insert into analysis (job_id, session_id, interaction_id, owner_id, result, raw_output, model)
                values (?, ?, ?, ?, cast(? as jsonb), ?, 'fixture-model') returning id""")
                .params(job, sessionId, interactionId, ownerId, json, json).query(Long.class).single();
    }
}
