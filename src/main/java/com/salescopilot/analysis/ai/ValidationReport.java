package com.salescopilot.analysis.ai;

import com.salescopilot.analysis.AnalysisResult;
import java.util.List;

/**
 * The validator's verdict: the normalised result (clamped, trimmed, bands derived; null only when
 * nothing could be read), the errors that make it invalid (each "path: what is wrong"; they go into
 * the repair prompt), and warnings about what was fixed (clamped values, derived bands, dropped
 * items), kept for audit.
 */
public record ValidationReport(AnalysisResult result, List<String> errors, List<String> warnings) {

    public ValidationReport {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    /** True when the result can be stored and shown. */
    public boolean valid() {
        return result != null && errors.isEmpty();
    }
}
