package com.salescopilot.feedback;

import java.time.Instant;

/** A vote as the API shows it. */
public record FeedbackView(long id, long interactionId, String suggestionId, String suggestionType, String textSnapshot,
                           int score, String comment, String user, Instant createdAt, Instant updatedAt) {
}
