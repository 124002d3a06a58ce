package com.salescopilot.analysis;

import java.time.Instant;

/**
 * The fast answer of one interaction as stored: its status, the result when done (with suggestion
 * ids), the partial text when it failed midway (nothing the model said is lost), and the error.
 */
public record FastAnswerView(long interactionId, FastStatus status, FastResult result, String partialText,
                             String errorCode, String errorMessage, String model, Integer firstTokenMs,
                             Integer totalMs, Instant createdAt, Instant updatedAt) {
}
