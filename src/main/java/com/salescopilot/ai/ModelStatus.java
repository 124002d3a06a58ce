package com.salescopilot.ai;

import java.time.Instant;
import java.util.List;

/**
 * What the last check of the model service found (for the cockpit and the health endpoint).
 *
 * @param reachable     whether {@code GET /api/tags} answered with 200
 * @param modelsPresent whether the configured fast and analysis models are in that list
 * @param missingModels the configured models that are not
 * @param messageKey    i18n key of {@code message}: {@code ai.status.ok}, {@code ai.status.models-missing},
 *                      {@code ai.status.unreachable}, {@code ai.status.auth}, {@code ai.status.error},
 *                      {@code ai.status.unknown}
 * @param message       the state in English, for people (no secrets, no stack traces)
 * @param checkedAt     when it was checked, or null if never
 */
public record ModelStatus(boolean reachable, boolean modelsPresent, List<String> missingModels, String messageKey,
                          String message, Instant checkedAt) {

    public ModelStatus {
        missingModels = missingModels == null ? List.of() : List.copyOf(missingModels);
    }

    /** Reachable and every configured model is there. */
    public boolean ready() {
        return reachable && modelsPresent;
    }

    static ModelStatus unknown() {
        return new ModelStatus(false, false, List.of(), "ai.status.unknown", "The model service has not been checked yet.",
                null);
    }
}
