package com.salescopilot.analysis.ai;

import static com.salescopilot.analysis.ai.AnalysisFixtures.fullJson;
import static com.salescopilot.analysis.ai.AnalysisFixtures.fullJsonWith;
import static com.salescopilot.analysis.ai.AnalysisFixtures.fullResult;
import static org.assertj.core.api.Assertions.assertThat;

import com.salescopilot.analysis.AnalysisResult;
import com.salescopilot.analysis.DiscStyle;
import com.salescopilot.analysis.Playbook;
import com.salescopilot.analysis.RiskLevel;
import com.salescopilot.analysis.SchwartzValue;
import com.salescopilot.analysis.TemperatureBand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class AnalysisValidatorTest {

    private final AnalysisValidator validator = new AnalysisValidator(Playbook.defaults());

    @Test
    void aCompleteAnswerIsValidAndUnchanged() {
        ValidationReport report = validator.check(fullJson());

        assertThat(report.valid()).isTrue();
        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).isEmpty();
        assertThat(report.result()).isEqualTo(fullResult());
    }

    @Test
    void validatingAValidResultAgainChangesNothing() {
        AnalysisResult once = validator.check(fullJson()).result();
        ValidationReport twice = validator.validate(once);

        assertThat(twice.result()).isEqualTo(once);
        assertThat(twice.warnings()).isEmpty();
    }

    @Test
    void outOfRangeValuesAreClampedAndRecorded() {
        String json = fullJsonWith(tree -> {
            ((ObjectNode) tree.at("/big_five/openness")).put("score", 140);
            ((ObjectNode) tree.at("/big_five/openness")).put("confidence", -5);
            ((ObjectNode) tree.at("/disc/dominance")).put("score", 101);
            ((ObjectNode) tree.at("/schwartz_values/power")).put("relevance", 250);
            ((ObjectNode) tree.at("/indicators/journey_stage")).put("progress", 130);
            ((ObjectNode) tree.at("/indicators/sales_potential")).put("probability", -1);
            ((ObjectNode) tree.at("/indicators/sales_potential")).put("value", -5000);
            tree.put("overall_confidence", 1000);
        });

        ValidationReport report = validator.check(json);

        assertThat(report.valid()).isTrue();
        AnalysisResult result = report.result();
        assertThat(result.bigFive().openness().score()).isEqualTo(100);
        assertThat(result.bigFive().openness().confidence()).isZero();
        assertThat(result.disc().dominance().score()).isEqualTo(100);
        assertThat(result.schwartzValues().power().relevance()).isEqualTo(100);
        assertThat(result.indicators().journeyStage().progress()).isEqualTo(100);
        assertThat(result.indicators().salesPotential().probability()).isZero();
        assertThat(result.indicators().salesPotential().value()).isZero();
        assertThat(result.overallConfidence()).isEqualTo(100);
        assertThat(report.warnings()).contains(
                "big_five.openness.score: 140 is out of range 0-100; clamped to 100",
                "big_five.openness.confidence: -5 is out of range 0-100; clamped to 0",
                "indicators.sales_potential.value: -5000 is negative; clamped to 0",
                "overall_confidence: 1000 is out of range 0-100; clamped to 100");
    }

    @ParameterizedTest
    @CsvSource({"0,cold", "33,cold", "34,warm", "66,warm", "67,hot", "100,hot"})
    void temperatureBandFollowsTheScore(int score, String band) {
        String json = fullJsonWith(tree -> ((ObjectNode) tree.at("/indicators/purchase_temperature"))
                .put("score", score).put("band", "hot".equals(band) ? "cold" : "hot"));

        ValidationReport report = validator.check(json);

        assertThat(report.result().indicators().purchaseTemperature().band()).isEqualTo(TemperatureBand.fromCode(band));
        assertThat(report.warnings()).anySatisfy(w -> assertThat(w).startsWith(
                "indicators.purchase_temperature.band: ").contains("does not match the score " + score));
        assertThat(report.valid()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"0,low", "33,low", "34,medium", "66,medium", "67,high", "100,high"})
    void churnLevelFollowsTheScore(int score, String level) {
        String json = fullJsonWith(tree -> ((ObjectNode) tree.at("/indicators/churn_risk"))
                .put("score", score).remove("level"));

        ValidationReport report = validator.check(json);

        assertThat(report.result().indicators().churnRisk().level()).isEqualTo(RiskLevel.fromCode(level));
        assertThat(report.warnings()).contains("indicators.churn_risk.level: missing; derived from the score: " + level);
    }

    @Test
    void listsAreCutToTheirCapsAndBlankOrDuplicateItemsDropped() {
        String json = fullJsonWith(tree -> {
            ObjectNode strategy = (ObjectNode) tree.get("strategy");
            ArrayNode notes = strategy.putArray("strategic_notes");
            for (int i = 1; i <= 8; i++) {
                notes.add("note " + i);
            }
            ArrayNode actions = strategy.putArray("suggested_actions");
            actions.add("  ").add("Call").add("call ").add("");
            for (int i = 1; i <= 9; i++) {
                actions.add("action " + i);
            }
            ArrayNode questions = tree.putArray("clarifying_questions");
            for (int i = 1; i <= 4; i++) {
                questions.addObject().put("question", "Q" + i + "?").put("option_a", "A").put("option_b", "B")
                        .put("settles", "s");
            }
            ((ArrayNode) tree.at("/schwartz_values/top_values")).add("power").add("security");
            ArrayNode evidence = ((ObjectNode) tree.at("/big_five/openness")).putArray("evidence");
            for (int i = 1; i <= 7; i++) {
                evidence.add("quote " + i);
            }
        });

        ValidationReport report = validator.check(json);

        assertThat(report.valid()).isTrue();
        AnalysisResult result = report.result();
        assertThat(result.strategy().strategicNotes()).containsExactly("note 1", "note 2", "note 3", "note 4", "note 5");
        assertThat(result.strategy().suggestedActions()).hasSize(6).startsWith("Call", "action 1")
                .doesNotContain("call", "");
        assertThat(result.clarifyingQuestions()).extracting(q -> q.question()).containsExactly("Q1?", "Q2?");
        assertThat(result.schwartzValues().topValues()).containsExactly(
                SchwartzValue.SECURITY, SchwartzValue.BENEVOLENCE, SchwartzValue.ACHIEVEMENT);
        assertThat(result.bigFive().openness().evidence()).hasSize(AnalysisSchema.MAX_EVIDENCE);
        assertThat(report.warnings()).contains(
                "strategy.strategic_notes: 8 items; kept the first 5",
                "strategy.suggested_actions: 3 blank or duplicate item(s) dropped",
                "strategy.suggested_actions: 10 items; kept the first 6",
                "clarifying_questions: 4 items; kept the first 2",
                "schwartz_values.top_values: 4 values; kept the first 3");
    }

    @Test
    void missingPartsMakeTheResultInvalid() {
        String json = fullJsonWith(tree -> {
            ((ObjectNode) tree.get("big_five")).remove("neuroticism");
            ((ObjectNode) tree.get("disc")).remove("influence");
            ((ObjectNode) tree.get("schwartz_values")).remove("tradition");
            ((ObjectNode) tree.get("indicators")).remove("churn_risk");
            ((ObjectNode) tree.get("strategy")).put("next_best_action", "   ");
            tree.remove("client_dna");
        });

        ValidationReport report = validator.check(json);

        assertThat(report.valid()).isFalse();
        assertThat(report.errors()).containsExactlyInAnyOrder(
                "big_five.neuroticism: missing",
                "disc.influence: missing",
                "schwartz_values.tradition: missing",
                "indicators.churn_risk: missing",
                "strategy.next_best_action: missing",
                "client_dna: missing");
    }

    @Test
    void missingTopLevelPartsAreEachReported() {
        ValidationReport report = validator.check("{\"overall_confidence\": 10, \"needs_more_information\": true}");

        assertThat(report.valid()).isFalse();
        assertThat(report.errors()).containsExactlyInAnyOrder("big_five: missing", "disc: missing",
                "schwartz_values: missing", "client_dna: missing", "indicators: missing", "strategy: missing");
    }

    @Test
    void aParseErrorIsNotReportedAgainAsMissing() {
        String json = fullJsonWith(tree -> {
            tree.put("strategy", "be nice");
            ((ObjectNode) tree.at("/indicators/journey_stage")).put("stage", "negotiation");
        });

        ValidationReport report = validator.check(json);

        assertThat(report.errors()).containsExactlyInAnyOrder(
                "strategy: expected an object, got \"be nice\"",
                "indicators.journey_stage.stage: \"negotiation\" is not one of awareness, consideration, evaluation, decision, purchase");
    }

    @Test
    void primaryStyleAndTopValuesAreDerivedWhenMissingOrWrong() {
        String json = fullJsonWith(tree -> {
            ((ObjectNode) tree.get("disc")).put("primary_style", "I");
            ((ObjectNode) tree.get("schwartz_values")).putArray("top_values");
        });

        ValidationReport report = validator.check(json);

        assertThat(report.result().disc().primaryStyle()).isEqualTo(DiscStyle.C);
        assertThat(report.result().schwartzValues().topValues()).containsExactly(
                SchwartzValue.SECURITY, SchwartzValue.BENEVOLENCE, SchwartzValue.ACHIEVEMENT);
        assertThat(report.warnings()).contains("disc.primary_style: I is not the highest score; set to C",
                "schwartz_values.top_values: none named; derived from relevance");
    }

    @Test
    void archetypesAreMatchedToThePlaybookAndCurrencyDefaulted() {
        String json = fullJsonWith(tree -> {
            ((ObjectNode) tree.get("strategy")).put("archetype", "  analyst ").put("runner_up_archetype", "ANALYST");
            ((ObjectNode) tree.at("/indicators/sales_potential")).put("currency", "");
        });

        ValidationReport report = validator.check(json);

        assertThat(report.result().strategy().archetype()).isEqualTo("Analyst");
        assertThat(report.result().strategy().runnerUpArchetype()).isEmpty();
        assertThat(report.result().indicators().salesPotential().currency()).isEqualTo("PLN");
        assertThat(report.warnings()).contains("strategy.runner_up_archetype: the same as the archetype; cleared",
                "indicators.sales_potential.currency: missing; the playbook's PLN assumed");

        ValidationReport unknown = validator.check(fullJsonWith(tree -> ((ObjectNode) tree.get("strategy"))
                .put("archetype", "Bargain hunter")));
        assertThat(unknown.valid()).isTrue();
        assertThat(unknown.result().strategy().archetype()).isEqualTo("Bargain hunter");
        assertThat(unknown.warnings()).contains("strategy.archetype: \"Bargain hunter\" is not one of the playbook's archetypes");
    }

    @Test
    void incompleteObjectionHandlersAndClarifyingQuestionsAreDropped() {
        String json = fullJsonWith(tree -> {
            ArrayNode handlers = ((ObjectNode) tree.get("strategy")).putArray("objection_handlers");
            handlers.addObject().put("objection", "Too expensive").put("response", "Show the total cost.");
            handlers.addObject().put("objection", "No charger at home").put("response", " ");
            handlers.addObject().put("objection", "too expensive").put("response", "Again.");
            ArrayNode questions = tree.putArray("clarifying_questions");
            questions.addObject().put("question", "Family car?").put("option_a", "Yes").put("option_b", "")
                    .put("settles", "");
        });

        ValidationReport report = validator.check(json);

        assertThat(report.result().strategy().objectionHandlers()).singleElement()
                .satisfies(h -> assertThat(h.objection()).isEqualTo("Too expensive"));
        assertThat(report.result().clarifyingQuestions()).isEmpty();
        assertThat(report.valid()).isTrue();
    }

    @Test
    void garbageIsAReportWithErrorsNotAnException() {
        ValidationReport report = validator.check("The client seems nice. I would call them back.");

        assertThat(report.valid()).isFalse();
        assertThat(report.result()).isNull();
        assertThat(report.errors()).containsExactly("no JSON object found in the answer");
        assertThat(validator.validate(null).valid()).isFalse();
    }

    @Test
    void withoutAPlaybookArchetypeAndCurrencyAreLeftAsGiven() {
        ValidationReport report = new AnalysisValidator(null).check(fullJsonWith(tree -> {
            ((ObjectNode) tree.get("strategy")).put("archetype", "Bargain hunter");
            ((ObjectNode) tree.at("/indicators/sales_potential")).put("currency", "eur");
        }));

        assertThat(report.warnings()).isEmpty();
        assertThat(report.result().indicators().salesPotential().currency()).isEqualTo("EUR");
    }
}
