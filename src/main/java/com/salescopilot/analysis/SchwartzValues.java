package com.salescopilot.analysis;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Schwartz's ten basic values, in circle order, and the client's top values (at most three after
 * validation, each one of the ten). A value is null only in an unvalidated result.
 */
public record SchwartzValues(ValueScore selfDirection, ValueScore stimulation, ValueScore hedonism,
                             ValueScore achievement, ValueScore power, ValueScore security, ValueScore conformity,
                             ValueScore tradition, ValueScore benevolence, ValueScore universalism,
                             List<SchwartzValue> topValues) {

    public SchwartzValues {
        topValues = Records.list(topValues);
    }

    public ValueScore get(SchwartzValue value) {
        return switch (value) {
            case SELF_DIRECTION -> selfDirection;
            case STIMULATION -> stimulation;
            case HEDONISM -> hedonism;
            case ACHIEVEMENT -> achievement;
            case POWER -> power;
            case SECURITY -> security;
            case CONFORMITY -> conformity;
            case TRADITION -> tradition;
            case BENEVOLENCE -> benevolence;
            case UNIVERSALISM -> universalism;
        };
    }

    /** The ten values in circle order (for a polar chart). */
    public Map<SchwartzValue, ValueScore> inCircleOrder() {
        Map<SchwartzValue, ValueScore> map = new LinkedHashMap<>();
        for (SchwartzValue value : SchwartzValue.values()) {
            map.put(value, get(value));
        }
        return map;
    }

    /** The {@code n} most relevant values (circle order breaks ties); missing values are skipped. */
    public List<SchwartzValue> mostRelevant(int n) {
        return java.util.Arrays.stream(SchwartzValue.values())
                .filter(v -> get(v) != null)
                .sorted(Comparator.comparingInt((SchwartzValue v) -> get(v).relevance()).reversed())
                .limit(n)
                .toList();
    }

    /** The top values with their scores, in the order the analysis named them. */
    public Map<SchwartzValue, ValueScore> top() {
        Map<SchwartzValue, ValueScore> map = new LinkedHashMap<>();
        topValues.stream().filter(Objects::nonNull).forEach(v -> map.put(v, get(v)));
        return map;
    }
}
