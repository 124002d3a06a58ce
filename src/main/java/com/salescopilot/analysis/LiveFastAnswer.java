package com.salescopilot.analysis;

import java.util.List;

/**
 * The fast answer of an interaction while it streams (and its last state after): what has been said
 * so far, parsed into the quick response and the questions, and whether the first token is late.
 */
public record LiveFastAnswer(long interactionId, FastStatus status, String quickResponse, List<String> questions,
                             boolean late, String errorCode, String errorMessage, FastResult result) {
}
