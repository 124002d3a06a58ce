package com.salescopilot.session;

/** The stored interaction, and whether recording it created the session (and the client). */
public record RecordedInteraction(InteractionView interaction, boolean sessionCreated, boolean clientCreated) {
}
