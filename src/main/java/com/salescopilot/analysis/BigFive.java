package com.salescopilot.analysis;

import java.util.LinkedHashMap;
import java.util.Map;

/** The Big Five profile. A trait is null only in an unvalidated result. */
public record BigFive(TraitScore openness, TraitScore conscientiousness, TraitScore extraversion,
                      TraitScore agreeableness, TraitScore neuroticism) {

    public TraitScore get(BigFiveTrait trait) {
        return switch (trait) {
            case OPENNESS -> openness;
            case CONSCIENTIOUSNESS -> conscientiousness;
            case EXTRAVERSION -> extraversion;
            case AGREEABLENESS -> agreeableness;
            case NEUROTICISM -> neuroticism;
        };
    }

    /** The traits in OCEAN order (null traits included as null values). */
    public Map<BigFiveTrait, TraitScore> asMap() {
        Map<BigFiveTrait, TraitScore> map = new LinkedHashMap<>();
        for (BigFiveTrait trait : BigFiveTrait.values()) {
            map.put(trait, get(trait));
        }
        return map;
    }
}
