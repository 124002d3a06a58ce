package com.salescopilot.session;

import com.salescopilot.security.Actor;
import java.util.Map;

/**
 * Adds fields to the API's view of an interaction (the fast answer, the analysis and its status, the
 * feedback), from modules that the session module does not depend on.
 */
public interface InteractionDetailsContributor {

    /** Fields for {@code GET /interactions/{id}}. */
    Map<String, Object> details(Actor actor, InteractionView interaction);

    /** Fields for the answer to {@code POST /interactions} (statuses only: work has just started). */
    default Map<String, Object> justRecorded(InteractionView interaction) {
        return Map.of();
    }
}
