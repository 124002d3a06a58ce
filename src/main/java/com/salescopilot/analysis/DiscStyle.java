package com.salescopilot.analysis;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The four DISC behaviour styles (a behaviour-style model, not a trait test). The JSON value is the
 * letter ({@code "D"}); the lookup also accepts the dimension's name ({@code "dominance"}).
 */
public enum DiscStyle {
    D("dominance"),
    I("influence"),
    S("steadiness"),
    C("conscientiousness");

    private final String dimension;

    DiscStyle(String dimension) {
        this.dimension = dimension;
    }

    @JsonValue
    public String letter() {
        return name();
    }

    /** The dimension's JSON name in {@link Disc}, e.g. {@code dominance}. */
    public String dimension() {
        return dimension;
    }

    /** Lenient: "D", "d", "dominance", "Dominant" (prefix of the dimension); null when unknown. */
    @JsonCreator
    public static DiscStyle fromCode(String code) {
        if (code == null) {
            return null;
        }
        String folded = Records.fold(code);
        if (folded.isEmpty()) {
            return null;
        }
        for (DiscStyle style : values()) {
            if (folded.equals(style.name().toLowerCase(Locale.ROOT)) || folded.equals(style.dimension)
                    || (folded.length() >= 4 && style.dimension.startsWith(folded.substring(0, 4)))) {
                return style;
            }
        }
        return null;
    }
}
