package com.salescopilot.session;

/**
 * A new interaction. Without {@code sessionId} a session is created first, for {@code clientId} or,
 * without it, for a new client named {@code clientAlias}. {@code language} (pl/en) is the new
 * session's language; null takes the user's.
 */
public record RecordInteraction(Long sessionId, Long clientId, String clientAlias, String type, String text,
                                String language) {
}
