package com.salescopilot.analysis;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What a suggestion is, for feedback and statistics. The code is what the feedback API calls
 * {@code suggestion_type}. See {@link SuggestionIds} for the id of each kind.
 */
public enum SuggestionKind {
    /** Fast path: what to say now. */
    QUICK_RESPONSE,
    /** Fast path: a question to ask the client next. */
    SUGGESTED_QUESTION,
    ARCHETYPE,
    MAIN_ANALYSIS,
    STRATEGIC_NOTE,
    SUGGESTED_ACTION,
    BUY_SIGNAL,
    RISK_SIGNAL,
    OBJECTION_HANDLER,
    NEXT_BEST_ACTION,
    FOLLOW_UP_TIMING,
    /** A question the analysis asks the seller (answered A/B rather than rated, but addressable). */
    CLARIFYING_QUESTION;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static SuggestionKind fromCode(String code) {
        return Records.byCode(SuggestionKind.class, code, SuggestionKind::code);
    }

    /** True for the two kinds of the fast path, whose ids carry the interaction id. */
    public boolean fastPath() {
        return this == QUICK_RESPONSE || this == SUGGESTED_QUESTION;
    }
}
