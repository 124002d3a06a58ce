package com.salescopilot.session;

import java.util.Locale;

/** What the seller recorded. CLARIFICATION is the seller's answer to a question the analysis asked. */
public enum InteractionType {
    OBSERVATION,
    CLIENT_STATEMENT,
    QUESTION,
    OBJECTION,
    CLARIFICATION,
    NOTE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static InteractionType fromCode(String code) {
        return valueOf(code.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
