package com.salescopilot.analysis;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Schwartz's ten basic values, declared in their order around the circle. */
public enum SchwartzValue {
    SELF_DIRECTION,
    STIMULATION,
    HEDONISM,
    ACHIEVEMENT,
    POWER,
    SECURITY,
    CONFORMITY,
    TRADITION,
    BENEVOLENCE,
    UNIVERSALISM;

    /** The JSON name, e.g. {@code self_direction}. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Lenient lookup ("Self-direction", "selfDirection" …); null when unknown. */
    @JsonCreator
    public static SchwartzValue fromCode(String code) {
        return Records.byCode(SchwartzValue.class, code, SchwartzValue::code);
    }
}
