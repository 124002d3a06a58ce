/**
 * The AI analysis of a sales session: the fast path (what to say now, questions to ask) and the slow
 * path (psychometric profile, indicators, strategy, clarifying questions).
 * <p>
 * The root package is the module's public API: the result records ({@link com.salescopilot.analysis.AnalysisResult},
 * {@link com.salescopilot.analysis.FastResult}), the suggestion ids other modules point at
 * ({@link com.salescopilot.analysis.SuggestionIds}) and the {@link com.salescopilot.analysis.Playbook}.
 * Subpackages are internal: {@code ai} holds the prompts, the schema, the parsers and the validator.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Analysis",
        allowedDependencies = {"base", "security", "session", "ai"})
package com.salescopilot.analysis;
