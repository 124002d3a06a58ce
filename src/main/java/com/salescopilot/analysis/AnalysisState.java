package com.salescopilot.analysis;

import java.time.Instant;

/**
 * The state of a session's newest analysis request: status, since when, the interaction it covers,
 * attempts, and for a failure (or a retry that is waiting) the reason a person understands.
 */
public record AnalysisState(AnalysisStatus status, Long jobId, Long interactionId, Instant since, int attempts,
                            int maxAttempts, Instant nextAttemptAt, String errorCode, String errorMessage) {

    public static AnalysisState none() {
        return new AnalysisState(AnalysisStatus.NONE, null, null, null, 0, 0, null, null, null);
    }

    public boolean retrying() {
        return status == AnalysisStatus.PENDING && errorCode != null;
    }
}
