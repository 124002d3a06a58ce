package com.salescopilot.analysis;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Churn risk levels: low &lt; 34 ≤ medium &lt; 67 ≤ high. */
public enum RiskLevel {
    LOW,
    MEDIUM,
    HIGH;

    public static final int MEDIUM_FROM = 34;
    public static final int HIGH_FROM = 67;

    public static RiskLevel of(int score) {
        return score < MEDIUM_FROM ? LOW : score < HIGH_FROM ? MEDIUM : HIGH;
    }

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static RiskLevel fromCode(String code) {
        return Records.byCode(RiskLevel.class, code, RiskLevel::code);
    }
}
