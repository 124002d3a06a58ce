package com.salescopilot.client;

/**
 * Published (inside the erasing transaction) when an admin erased a client. The database removes the
 * client's sessions and interactions by cascade; modules that keep derived data elsewhere listen.
 */
public record ClientErased(long clientId, long erasedBy) {
}
