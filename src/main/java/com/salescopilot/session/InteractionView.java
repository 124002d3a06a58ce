package com.salescopilot.session;

import java.time.Instant;

public record InteractionView(long id, long sessionId, InteractionType type, String text, long authorId,
                              String author, Instant createdAt) {
}
