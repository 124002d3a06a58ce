package com.salescopilot.knowledge;

import java.util.Locale;
import java.util.Optional;

/** What a nugget is about. {@link #META_RULE}s are rules the prompts always carry, not search results. */
public enum NuggetType {
    PRODUCT, PRICING, FINANCING, COMPETITION, OBJECTION, CLOSING, TECHNICAL, PROCESS, META_RULE;

    /** The lower-case, dashed form used in the API, imports and prompts ({@code meta-rule}). */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Reads {@code meta-rule}, {@code META_RULE}, {@code Meta rule}…; empty when it is none of the types. */
    public static Optional<NuggetType> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String folded = text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (NuggetType type : values()) {
            if (type.name().equals(folded)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
