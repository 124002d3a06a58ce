package com.salescopilot.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.salescopilot.analysis.ai.AnalysisFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The evidence matcher on Polish text, and the confidence rule of {@link EvidenceCheck}. */
class EvidenceMatcherTest {

    final EvidenceMatcher matcher = new EvidenceMatcher(List.of(
            "Klient: Żona mówi, że ŁADOWANIE w domu to podstawa.\nPyta o zasięg zimą…",
            "Mówi: \"Nie stać nas na   drugie auto\", i że decyzję podejmą do piątku."));

    @Test
    void aQuoteIsFoundWhateverItsCaseSpacingPunctuationAndPolishDiacritics() {
        assertThat(matcher.found("ładowanie w domu to podstawa")).isTrue();
        assertThat(matcher.found("Ladowanie w domu to podstawa")).as("ł typed as l").isTrue();
        assertThat(matcher.found("zona mowi ze ladowanie")).as("no diacritics at all").isTrue();
        assertThat(matcher.found("„Nie stać nas na drugie auto”")).as("other quotation marks, single spaces").isTrue();
        assertThat(matcher.found("NIE STAĆ NAS NA\n DRUGIE AUTO")).isTrue();
        assertThat(matcher.found("pyta o zasięg zimą")).as("across a line end's punctuation").isTrue();
        assertThat(matcher.found("podstawa. Pyta o zasięg")).as("across a sentence end").isTrue();
    }

    @Test
    void aShortenedQuoteIsFoundWhenItsPartsComeInOrder() {
        assertThat(matcher.found("Żona mówi… to podstawa")).isTrue();
        assertThat(matcher.found("Żona mówi ... decyzję podejmą do piątku")).isTrue();
        assertThat(matcher.found("decyzję podejmą … Żona mówi")).as("parts in the wrong order").isFalse();
    }

    @Test
    void anInventedOrAlteredQuoteIsNotFound() {
        assertThat(matcher.found("podpiszę umowę jeszcze dziś")).isFalse();
        assertThat(matcher.found("nie stać nas na trzecie auto")).as("one word changed").isFalse();
        assertThat(matcher.found("ładowanie w domu to podstawa i konieczność")).as("longer than what was said").isFalse();
        assertThat(matcher.found("domu to podst")).as("only whole words count").isFalse();
    }

    @Test
    void emptyOrTrivialQuotesProveNothing() {
        assertThat(matcher.found(null)).isFalse();
        assertThat(matcher.found("")).isFalse();
        assertThat(matcher.found(" … ")).isFalse();
        assertThat(matcher.found("o")).isFalse();
        assertThat(matcher.found("w")).isFalse();
    }

    @Test
    void theCheckCountsVerifiedQuotesAndEachUnverifiedOneHalvesTheTraitsConfidence() {
        AnalysisResult invented = AnalysisFixtures.result(AnalysisFixtures.inventedQuoteJson());
        EvidenceCheck check = EvidenceCheck.of(invented, AnalysisFixtures.CONVERSATION);
        assertThat(check.total()).isEqualTo(5);
        assertThat(check.verifiedCount()).isEqualTo(4);
        assertThat(check.verifiedPercent()).isEqualTo(80);
        assertThat(check.unverified(BigFiveTrait.CONSCIENTIOUSNESS)).containsExactly(AnalysisFixtures.INVENTED_QUOTE);
        assertThat(check.verified(BigFiveTrait.CONSCIENTIOUSNESS))
                .containsExactly("proszę o dokładne dane zasięgu zimą", "chcę to mieć na piśmie");
        assertThat(check.displayedConfidence(BigFiveTrait.CONSCIENTIOUSNESS, 60)).isEqualTo(30);
        assertThat(check.displayedConfidence(BigFiveTrait.OPENNESS, 45)).as("all its quotes verified").isEqualTo(45);
        assertThat(check.displayedConfidence(BigFiveTrait.AGREEABLENESS, 25)).as("no quotes").isEqualTo(25);

        assertThat(EvidenceCheck.displayedConfidence(60, 2)).isEqualTo(15);
        assertThat(EvidenceCheck.displayedConfidence(75, 1)).isEqualTo(37);
        assertThat(EvidenceCheck.displayedConfidence(90, 40)).isZero();

        EvidenceCheck full = EvidenceCheck.of(AnalysisFixtures.fullResult(), AnalysisFixtures.CONVERSATION);
        assertThat(full.verifiedPercent()).isEqualTo(100);
        EvidenceCheck none = EvidenceCheck.of(AnalysisFixtures.fullResult(), List.of("Dzień dobry."));
        assertThat(none.verifiedPercent()).isZero();
        assertThat(EvidenceCheck.of(AnalysisFixtures.result(AnalysisFixtures.fullJsonWith(t -> {
            for (var trait : t.get("big_five").properties()) {
                ((tools.jackson.databind.node.ObjectNode) trait.getValue()).putArray("evidence");
            }
        })), AnalysisFixtures.CONVERSATION).verifiedPercent()).as("nothing quoted").isNull();
    }
}
