package com.salescopilot.ai;

import java.io.IOException;
import java.io.InputStream;

/**
 * The link between one guarded stream ({@link GuardedStreaming}) and the HTTP exchange that carries it
 * ({@link OllamaHttpClient}). LangChain4j starts the HTTP request synchronously on the calling thread,
 * so the watchdog binds its scope to that thread for the duration of the call and the HTTP client picks
 * it up. Through it the watchdog learns of every raw NDJSON line (activity, even reasoning), of a body
 * that ended without {@code "done":true} (LangChain4j reports nothing then), and can close the body
 * to stop a stream it has given up on.
 */
final class StreamScope {

    private static final ThreadLocal<StreamScope> CURRENT = new ThreadLocal<>();

    interface Events {
        /** Any line of the body arrived. */
        void activity();

        /** The body ended (cleanly) without a line that says {@code "done":true}. */
        void endedWithoutDone();
    }

    private final Events events;
    private InputStream body;
    private boolean cancelled;

    StreamScope(Events events) {
        this.events = events;
    }

    static StreamScope current() {
        return CURRENT.get();
    }

    void bind() {
        CURRENT.set(this);
    }

    static void unbind() {
        CURRENT.remove();
    }

    Events events() {
        return events;
    }

    /** Called with the response body when it opens; false (and the body closed) if already cancelled. */
    synchronized boolean attach(InputStream body) {
        if (cancelled) {
            closeQuietly(body);
            return false;
        }
        this.body = body;
        return true;
    }

    /** Stops the exchange: closes the body now, or as soon as it opens. */
    void cancel() {
        InputStream toClose;
        synchronized (this) {
            cancelled = true;
            toClose = body;
            body = null;
        }
        if (toClose != null) {
            closeQuietly(toClose);
        }
    }

    synchronized boolean isCancelled() {
        return cancelled;
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException | RuntimeException ignored) {
            // closing is best effort: the watchdog has already reported the outcome
        }
    }
}
