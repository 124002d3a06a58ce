package com.salescopilot.analysis;

import java.time.Instant;
import java.util.List;

/**
 * A finished analysis: the validated result, which interaction it covers, and facts about the run.
 * {@code basedOn}: the ids of the knowledge nuggets its prompt carried (e.g. {@code K12}), never null.
 */
public record StoredAnalysis(long id, long sessionId, long interactionId, AnalysisResult result, List<String> warnings,
                             boolean repaired, String model, Integer durationMs, Instant createdAt,
                             List<String> basedOn) {

    public StoredAnalysis {
        basedOn = basedOn == null ? List.of() : List.copyOf(basedOn);
    }
}
