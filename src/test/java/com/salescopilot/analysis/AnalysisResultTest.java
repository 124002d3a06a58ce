package com.salescopilot.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.salescopilot.analysis.ai.AnalysisFixtures;
import com.salescopilot.analysis.ai.AnalysisParser;
import com.salescopilot.analysis.ai.AnalysisSchema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AnalysisResultTest {

    private final AnalysisResult result = AnalysisFixtures.fullResult();

    @Test
    void theAppsJacksonWritesTheSchemaNamesAndReadsThemBack() {
        String json = AnalysisFixtures.SNAKE.writeValueAsString(result);
        JsonNode tree = AnalysisFixtures.SNAKE.readTree(json);

        List<String> problems = new ArrayList<>();
        keysOf(tree, AnalysisSchema.document(Playbook.defaults()), "", problems);
        assertThat(problems).as("helper methods must not leak into the JSON").isEmpty();
        assertThat(tree.at("/disc/primary_style").asString()).isEqualTo("C");
        assertThat(tree.at("/indicators/purchase_temperature/band").asString()).isEqualTo("warm");
        assertThat(tree.at("/schwartz_values/top_values/0").asString()).isEqualTo("security");

        assertThat(AnalysisFixtures.SNAKE.readValue(json, AnalysisResult.class)).isEqualTo(result);
        assertThat(new AnalysisParser().parse(json).result()).isEqualTo(result);
    }

    private static void keysOf(JsonNode instance, JsonNode schema, String path, List<String> problems) {
        if (instance.isObject()) {
            for (String key : instance.propertyNames()) {
                if (!schema.path("properties").has(key)) {
                    problems.add(path + "." + key + " is not in the schema");
                } else {
                    keysOf(instance.get(key), schema.path("properties").path(key), path + "." + key, problems);
                }
            }
            schema.path("required").forEach(r -> {
                if (!instance.has(r.asString())) {
                    problems.add(path + "." + r.asString() + " is missing");
                }
            });
        } else if (instance.isArray()) {
            instance.forEach(item -> keysOf(item, schema.path("items"), path + "[]", problems));
        }
    }

    @Test
    void suggestionsCarryStableIdsInDisplayOrder() {
        List<Suggestion> suggestions = result.suggestions();

        assertThat(suggestions).extracting(Suggestion::id).containsExactly(
                "ar", "ma", "sn_1", "sn_2", "sa_1", "sa_2", "sa_3", "bs_1", "rs_1", "oh_1", "nba", "fu", "cq_1");
        assertThat(result.suggestion("sa_2")).get().satisfies(s -> {
            assertThat(s.kind()).isEqualTo(SuggestionKind.SUGGESTED_ACTION);
            assertThat(s.text()).isEqualTo("Book a weekend test drive");
        });
        assertThat(result.suggestion("oh_1")).get().extracting(Suggestion::text).asString()
                .startsWith("Range drops in winter → Show the measured");
        assertThat(result.suggestion("nba")).get().extracting(Suggestion::kind).isEqualTo(SuggestionKind.NEXT_BEST_ACTION);
        assertThat(result.suggestion("sa_4")).isEmpty();
        assertThat(result.suggestion(null)).isEmpty();
        assertThat(result.clarifyingQuestion("cq_1")).get().extracting(ClarifyingQuestion::optionA).isEqualTo("Quickly");
        assertThat(result.objectionHandler("oh_1")).isPresent();
        assertThat(result.objectionHandler("oh_2")).isEmpty();
        // the same stored analysis always gives the same ids
        assertThat(AnalysisFixtures.fullResult().suggestions()).isEqualTo(suggestions);
    }

    @Test
    void idsNameTheirKind() {
        assertThat(SuggestionIds.kindOf("qr_42")).contains(SuggestionKind.QUICK_RESPONSE);
        assertThat(SuggestionIds.kindOf("sq_42_3")).contains(SuggestionKind.SUGGESTED_QUESTION);
        assertThat(SuggestionIds.kindOf("sa_1")).contains(SuggestionKind.SUGGESTED_ACTION);
        assertThat(SuggestionIds.kindOf("sn_5")).contains(SuggestionKind.STRATEGIC_NOTE);
        assertThat(SuggestionIds.kindOf("oh_2")).contains(SuggestionKind.OBJECTION_HANDLER);
        assertThat(SuggestionIds.kindOf("bs_1")).contains(SuggestionKind.BUY_SIGNAL);
        assertThat(SuggestionIds.kindOf("rs_1")).contains(SuggestionKind.RISK_SIGNAL);
        assertThat(SuggestionIds.kindOf("cq_2")).contains(SuggestionKind.CLARIFYING_QUESTION);
        assertThat(SuggestionIds.kindOf("nba")).contains(SuggestionKind.NEXT_BEST_ACTION);
        assertThat(SuggestionIds.kindOf("ar")).contains(SuggestionKind.ARCHETYPE);
        assertThat(SuggestionIds.kindOf("ma")).contains(SuggestionKind.MAIN_ANALYSIS);
        assertThat(SuggestionIds.kindOf("fu")).contains(SuggestionKind.FOLLOW_UP_TIMING);
        for (String bad : new String[] {"sa_0", "sa_", "sa_x", "qr_", "sq_1", "sq_1_0", "xx_1", "", "NBA", " nba"}) {
            assertThat(SuggestionIds.kindOf(bad)).as(bad).isEqualTo(Optional.empty());
        }
        assertThat(SuggestionIds.kindOf(null)).isEmpty();
        assertThat(SuggestionIds.isFastPath("sq_7_1")).isTrue();
        assertThat(SuggestionIds.isFastPath("sa_1")).isFalse();
        assertThatThrownBy(() -> SuggestionIds.suggestedAction(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(SuggestionKind.fromCode("suggested_action")).isEqualTo(SuggestionKind.SUGGESTED_ACTION);
        assertThat(SuggestionKind.SUGGESTED_QUESTION.code()).isEqualTo("suggested_question");
    }

    @Test
    void fastResultIdsFollowTheInteraction() {
        FastResult fast = new FastResult(17, "  Rozumiem, zasięg zimą to ważna sprawa. ",
                java.util.Arrays.asList("Ile km dziennie Pan jeździ?", " ", null, "Czy ładuje Pan w domu?", "3", "4", "5", "6"));

        assertThat(fast.quickResponse()).isEqualTo("Rozumiem, zasięg zimą to ważna sprawa.");
        assertThat(fast.questions()).hasSize(5).startsWith("Ile km dziennie Pan jeździ?", "Czy ładuje Pan w domu?");
        assertThat(fast.quickResponseId()).isEqualTo("qr_17");
        assertThat(fast.suggestions()).extracting(Suggestion::id)
                .containsExactly("qr_17", "sq_17_1", "sq_17_2", "sq_17_3", "sq_17_4", "sq_17_5");
        assertThat(fast.suggestion("sq_17_2")).get().extracting(Suggestion::text).isEqualTo("Czy ładuje Pan w domu?");
        assertThat(fast.suggestion("sq_18_2")).isEmpty();
        assertThat(fast.blank()).isFalse();
        assertThat(new FastResult(1, null, null).blank()).isTrue();

        String json = AnalysisFixtures.SNAKE.writeValueAsString(fast);
        assertThat(AnalysisFixtures.SNAKE.readTree(json).propertyNames())
                .containsExactlyInAnyOrder("interaction_id", "quick_response", "questions");
        assertThat(AnalysisFixtures.SNAKE.readValue(json, FastResult.class)).isEqualTo(fast);
    }

    @Test
    void bandsAndLevelsFromScores() {
        assertThat(TemperatureBand.of(33)).isEqualTo(TemperatureBand.COLD);
        assertThat(TemperatureBand.of(34)).isEqualTo(TemperatureBand.WARM);
        assertThat(TemperatureBand.of(66)).isEqualTo(TemperatureBand.WARM);
        assertThat(TemperatureBand.of(67)).isEqualTo(TemperatureBand.HOT);
        assertThat(RiskLevel.of(33)).isEqualTo(RiskLevel.LOW);
        assertThat(RiskLevel.of(34)).isEqualTo(RiskLevel.MEDIUM);
        assertThat(RiskLevel.of(67)).isEqualTo(RiskLevel.HIGH);
        assertThat(result.indicators().churnRisk().derivedLevel()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(BuyingStage.EVALUATION.step()).isEqualTo(3);
        assertThat(result.indicators().salesPotential().expectedValue()).isEqualByComparingTo(new BigDecimal("75600"));
    }

    @Test
    void lenientEnumLookups() {
        assertThat(DiscStyle.fromCode("d")).isEqualTo(DiscStyle.D);
        assertThat(DiscStyle.fromCode("Influence")).isEqualTo(DiscStyle.I);
        assertThat(DiscStyle.fromCode("Dominant")).isEqualTo(DiscStyle.D);
        assertThat(DiscStyle.fromCode("Compliance")).isNull();
        assertThat(DiscStyle.fromCode("x")).isNull();
        assertThat(SchwartzValue.fromCode("Self-Direction")).isEqualTo(SchwartzValue.SELF_DIRECTION);
        assertThat(BuyingStage.fromCode("DECISION")).isEqualTo(BuyingStage.DECISION);
        assertThat(TemperatureBand.fromCode(" Hot ")).isEqualTo(TemperatureBand.HOT);
        assertThat(BigFiveTrait.fromCode("")).isNull();
    }

    @Test
    void accessorsByDimension() {
        assertThat(result.bigFive().get(BigFiveTrait.NEUROTICISM)).isSameAs(result.bigFive().neuroticism());
        assertThat(result.bigFive().asMap()).hasSize(5);
        assertThat(result.disc().get(DiscStyle.C)).isSameAs(result.disc().conscientiousness());
        assertThat(result.disc().strongestStyle()).isEqualTo(DiscStyle.C);
        assertThat(result.schwartzValues().inCircleOrder().keySet()).containsExactly(SchwartzValue.values());
        assertThat(result.schwartzValues().mostRelevant(2)).containsExactly(SchwartzValue.SECURITY, SchwartzValue.BENEVOLENCE);
        assertThat(result.schwartzValues().top().keySet()).containsExactly(
                SchwartzValue.SECURITY, SchwartzValue.BENEVOLENCE, SchwartzValue.ACHIEVEMENT);
    }

    @Test
    void recordsAreNullSafe() {
        Strategy strategy = new Strategy(null, 0, null, null, null, null, null, null, null, null, null);
        assertThat(strategy.archetype()).isEmpty();
        assertThat(strategy.suggestedActions()).isEmpty();
        TraitScore trait = new TraitScore(50, 10, null, java.util.Arrays.asList("a", null), null);
        assertThat(trait.evidence()).containsExactly("a");
        assertThat(new SalesPotential(null, null, 0, null, null, null, 0).value()).isZero();
        assertThat(new AnalysisResult(null, null, null, null, null, null, null, 0, true).suggestions()).isEmpty();
    }

    @Test
    void defaultPlaybookIsConcrete() {
        Playbook playbook = Playbook.defaults();
        assertThat(playbook.currency()).isEqualTo("PLN");
        assertThat(playbook.language()).isEqualTo("pl");
        assertThat(playbook.products()).isNotEmpty();
        assertThat(playbook.hardRules()).anySatisfy(rule -> assertThat(rule).containsIgnoringCase("competitor"));
        assertThat(playbook.archetypeNames()).hasSizeGreaterThanOrEqualTo(5).doesNotHaveDuplicates();
        assertThat(playbook.archetype("status SEEKER")).get().extracting(Playbook.Archetype::name).isEqualTo("Status seeker");
        assertThat(playbook.archetype("")).isEmpty();
        assertThat(AnalysisFixtures.SNAKE.readValue(AnalysisFixtures.SNAKE.writeValueAsString(playbook), Playbook.class))
                .isEqualTo(playbook);
    }
}
