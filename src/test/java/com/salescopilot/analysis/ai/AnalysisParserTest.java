package com.salescopilot.analysis.ai;

import static com.salescopilot.analysis.ai.AnalysisFixtures.fullJson;
import static com.salescopilot.analysis.ai.AnalysisFixtures.fullJsonWith;
import static org.assertj.core.api.Assertions.assertThat;

import com.salescopilot.analysis.AnalysisResult;
import com.salescopilot.analysis.BuyingStage;
import com.salescopilot.analysis.DiscStyle;
import com.salescopilot.analysis.SchwartzValue;
import com.salescopilot.analysis.TemperatureBand;
import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

class AnalysisParserTest {

    private final AnalysisParser parser = new AnalysisParser();

    @Test
    void readsACompleteAnswer() {
        ParseOutcome outcome = parser.parse(fullJson());

        assertThat(outcome.ok()).isTrue();
        assertThat(outcome.errors()).isEmpty();
        assertThat(outcome.warnings()).isEmpty();
        AnalysisResult result = outcome.result();
        assertThat(result.bigFive().conscientiousness().score()).isEqualTo(80);
        assertThat(result.bigFive().conscientiousness().evidence()).containsExactly(
                "proszę o dokładne dane zasięgu zimą", "chcę to mieć na piśmie");
        assertThat(result.disc().primaryStyle()).isEqualTo(DiscStyle.C);
        assertThat(result.disc().conscientiousness().score()).isEqualTo(78);
        assertThat(result.schwartzValues().security().relevance()).isEqualTo(85);
        assertThat(result.schwartzValues().topValues()).containsExactly(
                SchwartzValue.SECURITY, SchwartzValue.BENEVOLENCE, SchwartzValue.ACHIEVEMENT);
        assertThat(result.clientDna().communicationStyle().informationDensity()).isEqualTo("High");
        assertThat(result.indicators().purchaseTemperature().band()).isEqualTo(TemperatureBand.WARM);
        assertThat(result.indicators().journeyStage().stage()).isEqualTo(BuyingStage.EVALUATION);
        assertThat(result.indicators().salesPotential().value()).isEqualByComparingTo("189000");
        assertThat(result.strategy().objectionHandlers()).hasSize(1);
        assertThat(result.strategy().nextBestAction()).startsWith("Offer a weekend test drive");
        assertThat(result.clarifyingQuestions()).singleElement()
                .satisfies(q -> assertThat(q.optionB()).isEqualTo("After data"));
        assertThat(result.overallConfidence()).isEqualTo(45);
        assertThat(result.needsMoreInformation()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "```json\n%s\n```",
            "```\n%s\n```",
            "Here is the analysis you asked for:\n\n```json\n%s\n```\n\nLet me know if you need more.",
            "Sure! {as requested} Below is the JSON.\n%s\nHope this helps {really}.",
            "   \n%s\n\n",
            "{\"analysis\": %s}",
    })
    void toleratesFencesProseAndAWrapper(String wrapping) {
        ParseOutcome outcome = parser.parse(wrapping.formatted(fullJson()));

        assertThat(outcome.ok()).as("%s", outcome.errors()).isTrue();
        assertThat(outcome.result()).isEqualTo(parser.parse(fullJson()).result());
    }

    @Test
    void toleratesKeySpellingsNumbersAsTextTrailingCommasAndComments() {
        String camel = fullJson()
                .replace("\"big_five\"", "\"bigFive\"")
                .replace("\"self_direction\"", "\"Self-Direction\"")
                .replace("\"next_best_action\"", "\"nextBestAction\"")
                .replace("\"score\": 80", "\"score\": \"80%\"")
                .replace("\"overall_confidence\": 45", "\"overall_confidence\": 44.6")
                .replace("\"value\": 189000", "\"value\": \"189 000\"")
                .replace("\"primary_style\": \"C\"", "\"primary_style\": \"conscientiousness\"")
                .replace("\"needs_more_information\": true", "// the model's comment\n\"needs_more_information\": \"yes\",");

        ParseOutcome outcome = parser.parse(camel);

        assertThat(outcome.ok()).as("%s", outcome.errors()).isTrue();
        AnalysisResult result = outcome.result();
        assertThat(result.bigFive().conscientiousness().score()).isEqualTo(80);
        assertThat(result.schwartzValues().selfDirection().relevance()).isEqualTo(40);
        assertThat(result.strategy().nextBestAction()).isNotBlank();
        assertThat(result.overallConfidence()).isEqualTo(45);
        assertThat(result.indicators().salesPotential().value()).isEqualByComparingTo(new BigDecimal("189000"));
        assertThat(result.disc().primaryStyle()).isEqualTo(DiscStyle.C);
        assertThat(result.needsMoreInformation()).isTrue();
    }

    @Test
    void wrongShapesAreErrorsWithTheirPath() {
        String json = fullJsonWith(tree -> {
            ((ObjectNode) tree.at("/big_five/openness")).put("score", "high");
            ((ObjectNode) tree.at("/strategy")).putObject("suggested_actions").put("first", "call");
            ((ObjectNode) tree.at("/indicators/journey_stage")).put("stage", "negotiation");
            tree.put("disc", "dominant");
            ((ObjectNode) tree.at("/client_dna")).putArray("summary").add("a").add("b");
        });

        ParseOutcome outcome = parser.parse(json);

        assertThat(outcome.ok()).isFalse();
        assertThat(outcome.result()).as("best effort result").isNotNull();
        assertThat(outcome.errors()).containsExactlyInAnyOrder(
                "big_five.openness.score: expected a whole number 0-100, got \"high\"",
                "strategy.suggested_actions: expected a list of texts, got an object",
                "indicators.journey_stage.stage: \"negotiation\" is not one of awareness, consideration, evaluation, decision, purchase",
                "disc: expected an object, got \"dominant\"",
                "client_dna.summary: expected text, got a list");
        assertThat(outcome.result().disc()).isNull();
    }

    @Test
    void missingScoresAreErrorsAndMissingTextsAreDefaultedWithAWarning() {
        String json = fullJsonWith(tree -> {
            ((ObjectNode) tree.at("/big_five/openness")).remove("score");
            ((ObjectNode) tree.at("/big_five/openness")).remove("rationale");
            ((ObjectNode) tree.at("/strategy")).remove("buy_signals");
            ((ObjectNode) tree.at("/indicators/purchase_temperature")).remove("confidence");
            ((ObjectNode) tree.at("/indicators/purchase_temperature")).remove("band");
        });

        ParseOutcome outcome = parser.parse(json);

        assertThat(outcome.errors()).containsExactly("big_five.openness.score: missing; expected a whole number 0-100");
        assertThat(outcome.warnings()).containsExactlyInAnyOrder(
                "big_five.openness.rationale: missing; empty text assumed",
                "strategy.buy_signals: missing; empty list assumed",
                "indicators.purchase_temperature.confidence: missing; 0 assumed");
        assertThat(outcome.result().indicators().purchaseTemperature().band()).isNull(); // the validator derives it
        assertThat(outcome.result().strategy().buySignals()).isEmpty();
    }

    @Test
    void missingPartsAreLeftNullForTheValidator() {
        String json = fullJsonWith(tree -> {
            tree.remove("schwartz_values");
            ((ObjectNode) tree.get("big_five")).remove("neuroticism");
        });

        ParseOutcome outcome = parser.parse(json);

        assertThat(outcome.errors()).isEmpty();
        assertThat(outcome.result().schwartzValues()).isNull();
        assertThat(outcome.result().bigFive().neuroticism()).isNull();
    }

    @Test
    void unknownTopValuesAreDroppedWithAWarning() {
        String json = fullJson().replace("\"top_values\": [\"security\", \"benevolence\", \"achievement\"]",
                "\"top_values\": [\"security\", \"family\", 7]");

        ParseOutcome outcome = parser.parse(json);

        assertThat(outcome.ok()).isTrue();
        assertThat(outcome.result().schwartzValues().topValues()).containsExactly(SchwartzValue.SECURITY);
        assertThat(outcome.warnings()).hasSize(2).allSatisfy(w -> assertThat(w).contains("not one of the ten values"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "I am sorry, I cannot help with that.", "[1, 2, 3]", "{\"foo\": 1}",
            "{not json at all}", "{\"big_five\": {\"openness\": {\"score\": 50,", "null", "```json\n```"})
    void garbageGivesErrorsNotExceptions(String garbage) {
        ParseOutcome outcome = parser.parse(garbage);

        assertThat(outcome.ok()).isFalse();
        assertThat(outcome.result()).isNull();
        assertThat(outcome.errors()).isNotEmpty().allSatisfy(e -> assertThat(e).isNotBlank());
    }

    @Test
    void aCutOffAnswerSaysSo() {
        String full = fullJson();
        ParseOutcome outcome = parser.parse(full.substring(0, full.length() / 2));

        assertThat(outcome.errors()).singleElement().asString().contains("not closed");
    }

    @Test
    void malformedJsonSaysWhere() {
        ParseOutcome outcome = parser.parse(fullJson().replace("\"summary\":", "\"summary\""));

        assertThat(outcome.errors()).singleElement().asString().startsWith("the JSON is malformed").contains("line");
    }

    @Test
    void neverThrowsOnMangledAnswers() {
        Random random = new Random(42);
        String full = fullJson();
        for (int i = 0; i < 500; i++) {
            StringBuilder mangled = new StringBuilder(full);
            for (int j = 0; j < 1 + random.nextInt(6); j++) {
                int at = random.nextInt(mangled.length());
                switch (random.nextInt(3)) {
                    case 0 -> mangled.deleteCharAt(at);
                    case 1 -> mangled.insert(at, "{}[]\",:x1".charAt(random.nextInt(9)));
                    default -> mangled.setCharAt(at, "{}[]\",:x1".charAt(random.nextInt(9)));
                }
            }
            ParseOutcome outcome = parser.parse(mangled.toString());
            assertThat(outcome.ok() || !outcome.errors().isEmpty()).isTrue();
            new AnalysisValidator(null).check(mangled.toString());
        }
    }

    @Test
    void snakeCaseOfKeys() {
        assertThat(AnalysisParser.snake("bigFive")).isEqualTo("big_five");
        assertThat(AnalysisParser.snake("Big Five")).isEqualTo("big_five");
        assertThat(AnalysisParser.snake("option_a")).isEqualTo("option_a");
        assertThat(AnalysisParser.snake("optionA")).isEqualTo("option_a");
        assertThat(AnalysisParser.snake("self-direction")).isEqualTo("self_direction");
        assertThat(AnalysisParser.snake("DISC")).isEqualTo("disc");
        assertThat(AnalysisParser.snake("follow_up_timing ")).isEqualTo("follow_up_timing");
    }
}
