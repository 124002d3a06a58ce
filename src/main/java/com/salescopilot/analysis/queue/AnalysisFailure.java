package com.salescopilot.analysis.queue;

/**
 * An analysis that could not be produced, with a code (for i18n and statistics) and a sentence a
 * person understands (never a stack trace, never a secret). {@code retryable} false means another
 * automatic attempt would not help.
 */
public class AnalysisFailure extends RuntimeException {

    private final String code;
    private final boolean retryable;

    public AnalysisFailure(String code, String message, boolean retryable) {
        super(message);
        this.code = code;
        this.retryable = retryable;
    }

    public String code() {
        return code;
    }

    public boolean retryable() {
        return retryable;
    }
}
