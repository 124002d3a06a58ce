package com.salescopilot.analysis;

import java.time.Instant;

/**
 * One point of a session's trend: the analysis made after interaction number {@code interactionNumber}
 * (1 = the first of the session), with its purchase temperature, churn risk and probability of closing
 * (null where that analysis lacks the indicator).
 */
public record TrendPoint(int interactionNumber, long interactionId, Instant at, Integer temperature, Integer churnRisk,
                         Integer probability) {
}
