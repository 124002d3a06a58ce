package com.salescopilot.analysis.ui;

import com.salescopilot.ai.AiFailureReason;
import java.util.Locale;

/** The i18n keys of the reasons a model call or an analysis failed, from whatever code was stored. */
final class AiTexts {

    private AiTexts() {
    }

    /**
     * The message key for a failure code: an i18n key as the live fast path reports it
     * ({@code ai.error.timeout}), a reason as stored ({@code timeout}, {@code connection_closed}), or one
     * of the analysis' own codes ({@code invalid_output}, {@code interrupted}, {@code internal},
     * {@code session_gone}). Unknown codes fall back to {@code ai.error.other}.
     */
    static String errorKey(String code) {
        if (code == null || code.isBlank()) {
            return "ai.error.other";
        }
        if (code.startsWith("ai.error.") || code.startsWith("analysis.error.")) {
            return code;
        }
        String normalized = code.strip().toLowerCase(Locale.ROOT);
        return switch (normalized) {
            case "invalid_output" -> "analysis.error.invalid-output";
            case "interrupted" -> "analysis.error.interrupted";
            case "internal" -> "analysis.error.internal";
            case "session_gone" -> "analysis.error.session-gone";
            default -> {
                for (AiFailureReason reason : AiFailureReason.values()) {
                    if (reason.name().toLowerCase(Locale.ROOT).equals(normalized)) {
                        yield reason.messageKey();
                    }
                }
                yield "ai.error.other";
            }
        };
    }
}
