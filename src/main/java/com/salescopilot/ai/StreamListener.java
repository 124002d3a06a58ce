package com.salescopilot.ai;

import java.time.Duration;

/**
 * What a guarded stream reports. Callbacks of one stream never overlap and come in order; after the
 * one terminal callback ({@link #onComplete} or {@link #onError}) nothing else comes. They run on the
 * HTTP client's or the watchdog's thread: never block in them (hand over to the UI with
 * {@code UI.access}).
 */
public interface StreamListener {

    /** A piece of the visible answer, in order. */
    void onToken(String token);

    /** A piece of the model's reasoning (not to be shown as the answer); also proves the model is alive. */
    default void onThinking(String thinking) {
    }

    /** Once, if no answer token has come {@code first-token-notice} after the start; the stream goes on. */
    default void onFirstTokenLate(Duration waited) {
    }

    /** Terminal: the answer is complete (and not empty). */
    void onComplete(StreamResult result);

    /**
     * Terminal: the stream failed, stalled, was cut or cancelled.
     *
     * @param failure     why, for people and logs
     * @param partialText the answer tokens that had arrived (possibly empty), so nothing is lost
     */
    void onError(AiFailure failure, String partialText);
}
