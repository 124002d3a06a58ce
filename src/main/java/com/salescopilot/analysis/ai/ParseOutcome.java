package com.salescopilot.analysis.ai;

import com.salescopilot.analysis.AnalysisResult;
import java.util.List;

/**
 * What {@link AnalysisParser} made of a model's text: the result (null when no JSON object could be
 * read at all; otherwise a best-effort result whose unreadable parts are null or defaulted), the
 * errors that make it unusable as it is (each "path: what is wrong"), and warnings about what was
 * tolerated or defaulted.
 */
public record ParseOutcome(AnalysisResult result, List<String> errors, List<String> warnings) {

    public ParseOutcome {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    public static ParseOutcome failed(String error) {
        return new ParseOutcome(null, List.of(error), List.of());
    }

    /** True when a result was read and nothing in it had the wrong shape. */
    public boolean ok() {
        return result != null && errors.isEmpty();
    }
}
