package com.salescopilot.session;

/**
 * Published when an interaction is stored. Listeners that call a model must do so after the commit
 * ({@code @TransactionalEventListener}) so that nothing typed is lost if the model fails.
 */
public record InteractionRecorded(long interactionId, long sessionId, long ownerId, String language) {
}
