package com.salescopilot.analysis.queue;

/**
 * What a successful run stores: the validated result as JSON, the raw model text for audit, facts
 * about the run, and the evidence check ({@code evidenceJson} and the verified share in percent; null
 * when not checked or nothing was quoted).
 */
public record CompletedAnalysis(String resultJson, String rawOutput, String warningsJson, boolean repaired, String model,
                                long durationMs, String evidenceJson, Integer evidenceVerifiedPct) {

    public CompletedAnalysis(String resultJson, String rawOutput, String warningsJson, boolean repaired, String model,
                             long durationMs) {
        this(resultJson, rawOutput, warningsJson, repaired, model, durationMs, null, null);
    }
}
