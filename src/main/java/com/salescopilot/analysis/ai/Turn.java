package com.salescopilot.analysis.ai;

import com.salescopilot.session.InteractionType;
import com.salescopilot.session.InteractionView;

/** One interaction of the session as the prompts see it: its number in the session, type and text. */
public record Turn(int number, InteractionType type, String text) {

    public Turn {
        text = text == null ? "" : text;
    }

    /** @param number 1-based position of the interaction in its session */
    public static Turn of(int number, InteractionView interaction) {
        return new Turn(number, interaction.type(), interaction.text());
    }

    /** The English label the prompts use ("Client said", "Seller's note" …). */
    public String label() {
        if (type == null) {
            return "Input";
        }
        return switch (type) {
            case OBSERVATION -> "Seller observed";
            case CLIENT_STATEMENT -> "Client said";
            case QUESTION -> "Client asked";
            case OBJECTION -> "Client objected";
            case CLARIFICATION -> "Seller clarified";
            case NOTE -> "Seller's note";
        };
    }
}
