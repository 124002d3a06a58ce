package com.salescopilot.knowledge;

import java.time.Instant;

/** One entry of a nugget's history: which version, what happened, who and when, and the title then. */
public record NuggetRevision(long nuggetId, int version, Action action, String changedBy, Instant changedAt,
                             String title, String content) {

    public enum Action {
        CREATED, UPDATED, IMPORTED, ARCHIVED, RESTORED
    }
}
