package com.salescopilot.analysis;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The customer journey, in order: awareness → consideration → evaluation → decision → purchase. */
public enum BuyingStage {
    AWARENESS,
    CONSIDERATION,
    EVALUATION,
    DECISION,
    PURCHASE;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** 1 for awareness … 5 for purchase (for a stepper). */
    public int step() {
        return ordinal() + 1;
    }

    @JsonCreator
    public static BuyingStage fromCode(String code) {
        return Records.byCode(BuyingStage.class, code, BuyingStage::code);
    }
}
