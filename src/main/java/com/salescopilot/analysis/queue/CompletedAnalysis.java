package com.salescopilot.analysis.queue;

/** What a successful run stores: the validated result as JSON, the raw model text for audit, and facts about the run. */
public record CompletedAnalysis(String resultJson, String rawOutput, String warningsJson, boolean repaired, String model,
                                long durationMs) {
}
