package com.salescopilot.ai;

import java.util.concurrent.CompletableFuture;

/** A running guarded stream. */
public interface StreamHandle {

    /** Stops the stream; the listener gets {@code onError(CANCELLED)} unless it has already finished. */
    void cancel();

    /** Whether the terminal callback has been delivered. */
    boolean isDone();

    /**
     * The outcome as a future: completes with the result, or exceptionally with an {@link AiException}
     * (for callers that prefer to wait, such as the REST API or benchmarks).
     */
    CompletableFuture<StreamResult> result();
}
