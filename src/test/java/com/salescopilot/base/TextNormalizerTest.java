package com.salescopilot.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    @Test
    void foldsCaseAndPolishDiacriticsIncludingTheStrokedL() {
        assertThat(TextNormalizer.fold("Łódź  ŻÓŁW ąęćńśźż")).isEqualTo("lodz zolw aecnszz");
        assertThat(TextNormalizer.fold("Pan Żółwiński")).contains("zolwinski");
    }

    @Test
    void blankAndNullFoldToEmpty() {
        assertThat(TextNormalizer.fold(null)).isEmpty();
        assertThat(TextNormalizer.fold(" \t\n")).isEmpty();
        assertThat(TextNormalizer.trimToNull("  ")).isNull();
        assertThat(TextNormalizer.trimToNull(" a ")).isEqualTo("a");
    }

    @Test
    void wildcardsTypedByTheUserAreLiteralInContainsPatterns() {
        assertThat(TextNormalizer.containsPattern("50%_off\\")).isEqualTo("%50\\%\\_off\\\\%");
    }
}
