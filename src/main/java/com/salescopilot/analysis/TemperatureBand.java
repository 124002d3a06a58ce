package com.salescopilot.analysis;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Purchase temperature bands: cold &lt; 34 ≤ warm &lt; 67 ≤ hot. */
public enum TemperatureBand {
    COLD,
    WARM,
    HOT;

    public static final int WARM_FROM = 34;
    public static final int HOT_FROM = 67;

    /** The band of a score (scores outside 0–100 fall into the nearest band). */
    public static TemperatureBand of(int score) {
        return score < WARM_FROM ? COLD : score < HOT_FROM ? WARM : HOT;
    }

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static TemperatureBand fromCode(String code) {
        return Records.byCode(TemperatureBand.class, code, TemperatureBand::code);
    }
}
