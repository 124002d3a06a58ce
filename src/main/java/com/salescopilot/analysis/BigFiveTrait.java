package com.salescopilot.analysis;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The five traits of the Big Five model, in their usual order (OCEAN). */
public enum BigFiveTrait {
    OPENNESS,
    CONSCIENTIOUSNESS,
    EXTRAVERSION,
    AGREEABLENESS,
    NEUROTICISM;

    /** The JSON name, e.g. {@code openness}. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Lenient lookup (case, spaces, hyphens ignored); null when unknown. */
    @JsonCreator
    public static BigFiveTrait fromCode(String code) {
        return Records.byCode(BigFiveTrait.class, code, BigFiveTrait::code);
    }
}
