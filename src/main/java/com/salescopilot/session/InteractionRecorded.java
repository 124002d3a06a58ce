package com.salescopilot.session;

/**
 * Published when an interaction is stored, inside its transaction. Listeners that call a model must do
 * so after the commit ({@code @TransactionalEventListener}) so that nothing typed is lost if the model
 * fails; a plain listener may start work that needs only the text (it runs before the commit, and the
 * interaction may still roll back).
 *
 * @param text the interaction's text as stored
 */
public record InteractionRecorded(long interactionId, long sessionId, long ownerId, String language, String text) {
}
