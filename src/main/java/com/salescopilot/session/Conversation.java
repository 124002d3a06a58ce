package com.salescopilot.session;

import java.util.List;

/** What background work reads of a session: its language, client alias and interactions in order. */
public record Conversation(long sessionId, long ownerId, String language, String clientAlias, SessionStatus status,
                           List<InteractionView> interactions) {
}
