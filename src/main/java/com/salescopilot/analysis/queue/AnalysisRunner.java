package com.salescopilot.analysis.queue;

/** Produces the analysis of a job's session. Throws {@link AnalysisFailure} when it cannot. */
@FunctionalInterface
public interface AnalysisRunner {

    CompletedAnalysis run(AnalysisJob job);
}
