package com.salescopilot.ai;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.PartialThinkingContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.output.TokenUsage;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a streaming model call under a watchdog. LangChain4j 1.11 with Ollama reports nothing at all when
 * a stream stalls after the headers or ends without {@code "done":true}; this class guarantees that the
 * listener gets exactly one terminal callback:
 * <ul>
 * <li>{@code onComplete} when the answer is complete and not empty;</li>
 * <li>{@code onError} with {@link AiFailureReason#TIMEOUT} when nothing came within the first-chunk
 * timeout, when the stream went quiet for the idle timeout, or when it was not finished within the
 * total timeout; {@link AiFailureReason#CONNECTION_CLOSED} when the connection broke off or the body
 * ended without {@code done}; {@link AiFailureReason#EMPTY_RESPONSE} when the model finished without
 * a visible answer (for example it only reasoned); the classified reason of any other error
 * ({@link AiErrorClassifier}); {@link AiFailureReason#CANCELLED} on {@link StreamHandle#cancel()}.</li>
 * </ul>
 * Late chunks after the terminal callback are dropped and the HTTP body is closed.
 */
public class GuardedStreaming {

    private static final Logger log = LoggerFactory.getLogger(GuardedStreaming.class);

    /**
     * The watchdog's limits.
     *
     * @param firstChunkTimeout until anything (answer or reasoning) arrives
     * @param idleTimeout       between two chunks once the stream has started
     * @param totalTimeout      from the start to the end
     * @param firstTokenNotice  when to call {@link StreamListener#onFirstTokenLate} if no answer token has come
     */
    public record Limits(Duration firstChunkTimeout, Duration idleTimeout, Duration totalTimeout,
                         Duration firstTokenNotice) {

        public Limits {
            requirePositive(firstChunkTimeout, "firstChunkTimeout");
            requirePositive(idleTimeout, "idleTimeout");
            requirePositive(totalTimeout, "totalTimeout");
            requirePositive(firstTokenNotice, "firstTokenNotice");
        }

        private static void requirePositive(Duration d, String name) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
        }
    }

    private final StreamingChatModel model;
    private final Limits limits;
    private final ScheduledExecutorService scheduler;

    /**
     * @param model     the model {@link #stream(ChatRequest, StreamListener)} calls
     * @param limits    the default limits
     * @param scheduler runs the watchdog's timers (one thread is plenty); owned by the caller
     */
    public GuardedStreaming(StreamingChatModel model, Limits limits, ScheduledExecutorService scheduler) {
        this.model = model;
        this.limits = limits;
        this.scheduler = scheduler;
    }

    public Limits limits() {
        return limits;
    }

    /** Streams the request through the fast model under the default limits. */
    public StreamHandle stream(ChatRequest request, StreamListener listener) {
        return start(handler -> model.chat(request, handler), listener, limits);
    }

    /** Streams the request through the fast model under the given limits. */
    public StreamHandle stream(ChatRequest request, StreamListener listener, Limits limits) {
        return start(handler -> model.chat(request, handler), listener, limits);
    }

    /**
     * Guards any streaming call: {@code call} must start it with the given handler (for example
     * {@code h -> otherModel.chat(request, h)}). The call is made on the current thread.
     */
    public StreamHandle start(Consumer<StreamingChatResponseHandler> call, StreamListener listener, Limits limits) {
        Run run = new Run(listener, limits);
        run.begin(call);
        return run;
    }

    private final class Run implements StreamHandle, StreamScope.Events, StreamingChatResponseHandler {

        private final StreamListener listener;
        private final Limits limits;
        private final long startNanos = System.nanoTime();
        private final ReentrantLock lock = new ReentrantLock();
        private final StringBuilder text = new StringBuilder();
        private final StringBuilder thinking = new StringBuilder();
        private final CompletableFuture<StreamResult> future = new CompletableFuture<>();
        private final StreamScope scope = new StreamScope(this);

        private volatile boolean done;
        private volatile long lastActivityNanos = startNanos;
        private volatile boolean anyChunk;
        private volatile long firstTokenNanos = -1;
        private volatile boolean noticeSent;
        private volatile StreamingHandle streamingHandle;
        private volatile ScheduledFuture<?> timer;

        Run(StreamListener listener, Limits limits) {
            this.listener = listener;
            this.limits = limits;
        }

        void begin(Consumer<StreamingChatResponseHandler> call) {
            schedule(Math.min(limits.firstTokenNotice().toNanos(),
                    Math.min(limits.firstChunkTimeout().toNanos(), limits.totalTimeout().toNanos())));
            scope.bind();
            try {
                call.accept(this);
            } catch (RuntimeException | Error e) {
                fail(AiErrorClassifier.classify(e));
            } finally {
                StreamScope.unbind();
            }
        }

        // --- the watchdog

        private void schedule(long delayNanos) {
            if (done) {
                return;
            }
            try {
                timer = scheduler.schedule(this::tick, Math.max(delayNanos, 0) + 1_000_000, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                fail(AiFailure.of(AiFailureReason.CANCELLED, "shutting down"));
            }
        }

        private void tick() {
            if (done) {
                return;
            }
            long now = System.nanoTime();
            long totalDeadline = startNanos + limits.totalTimeout().toNanos();
            boolean started = anyChunk;
            long idleDeadline = lastActivityNanos
                    + (started ? limits.idleTimeout() : limits.firstChunkTimeout()).toNanos();
            if (now - totalDeadline >= 0) {
                fail(AiFailure.of(AiFailureReason.TIMEOUT, "not finished within " + human(limits.totalTimeout())));
                return;
            }
            if (now - idleDeadline >= 0) {
                fail(AiFailure.of(AiFailureReason.TIMEOUT, started
                        ? "no data for " + human(limits.idleTimeout()) + " after the stream had started"
                        : "no answer within " + human(limits.firstChunkTimeout())));
                return;
            }
            long noticeAt = startNanos + limits.firstTokenNotice().toNanos();
            boolean noticePending = !noticeSent && firstTokenNanos < 0;
            if (noticePending && now - noticeAt >= 0) {
                noticeSent = true;
                noticePending = false;
                Duration waited = Duration.ofNanos(now - startNanos);
                deliver(() -> listener.onFirstTokenLate(waited));
            }
            long next = Math.min(totalDeadline, idleDeadline);
            if (noticePending) {
                next = Math.min(next, noticeAt);
            }
            schedule(next - now);
        }

        // --- StreamScope.Events: raw lines from the HTTP client

        @Override
        public void activity() {
            lastActivityNanos = System.nanoTime();
            anyChunk = true;
        }

        @Override
        public void endedWithoutDone() {
            fail(AiFailure.of(AiFailureReason.CONNECTION_CLOSED, "the stream ended without done"));
        }

        // --- LangChain4j's callbacks

        @Override
        public void onPartialResponse(PartialResponse partialResponse, PartialResponseContext context) {
            remember(context == null ? null : context.streamingHandle());
            onPartialResponse(partialResponse.text());
        }

        @Override
        public void onPartialResponse(String token) {
            activity();
            if (firstTokenNanos < 0) {
                firstTokenNanos = System.nanoTime();
            }
            lock.lock();
            try {
                if (done) {
                    return;
                }
                text.append(token);
                safely(() -> listener.onToken(token));
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void onPartialThinking(PartialThinking partialThinking, PartialThinkingContext context) {
            remember(context == null ? null : context.streamingHandle());
            onPartialThinking(partialThinking);
        }

        @Override
        public void onPartialThinking(PartialThinking partialThinking) {
            activity();
            lock.lock();
            try {
                if (done) {
                    return;
                }
                thinking.append(partialThinking.text());
                safely(() -> listener.onThinking(partialThinking.text()));
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void onCompleteResponse(ChatResponse response) {
            AiMessage message = response.aiMessage();
            String answer = message != null && message.text() != null ? message.text() : null;
            StreamResult result;
            lock.lock();
            try {
                if (done) {
                    return;
                }
                String full = answer != null ? answer : text.toString();
                if (full.isBlank()) {
                    boolean reasoned = !thinking.isEmpty() || (message != null && message.thinking() != null
                            && !message.thinking().isBlank());
                    failLocked(AiFailure.of(AiFailureReason.EMPTY_RESPONSE,
                            reasoned ? "the model only reasoned and wrote no answer" : "empty answer"));
                    return;
                }
                TokenUsage usage = response.tokenUsage();
                String reasoning = !thinking.isEmpty() ? thinking.toString()
                        : message != null ? message.thinking() : null;
                long end = System.nanoTime();
                result = new StreamResult(full, reasoning,
                        usage == null ? null : usage.inputTokenCount(),
                        usage == null ? null : usage.outputTokenCount(),
                        response.finishReason() == null ? null : response.finishReason().name(),
                        firstTokenNanos < 0 ? null : Duration.ofNanos(firstTokenNanos - startNanos),
                        Duration.ofNanos(end - startNanos));
                done = true;
                safely(() -> listener.onComplete(result));
            } finally {
                lock.unlock();
            }
            stopTimer();
            future.complete(result);
        }

        @Override
        public void onError(Throwable error) {
            fail(AiErrorClassifier.classify(error));
        }

        // --- StreamHandle

        @Override
        public void cancel() {
            fail(AiFailure.of(AiFailureReason.CANCELLED, "cancelled by the caller"));
        }

        @Override
        public boolean isDone() {
            return done;
        }

        @Override
        public CompletableFuture<StreamResult> result() {
            return future;
        }

        // --- helpers

        private void remember(StreamingHandle handle) {
            if (handle != null && streamingHandle == null) {
                streamingHandle = handle;
            }
            if (done && handle != null) {
                handle.cancel();
            }
        }

        private void fail(AiFailure failure) {
            lock.lock();
            try {
                failLocked(failure);
            } finally {
                lock.unlock();
            }
        }

        private void failLocked(AiFailure failure) {
            if (done) {
                return;
            }
            done = true;
            String partial = text.toString();
            if (failure.reason() == AiFailureReason.CANCELLED) {
                log.debug("Model stream cancelled: {}", failure);
            } else {
                log.warn("Model stream failed after {} ms: {}", Duration.ofNanos(System.nanoTime() - startNanos).toMillis(),
                        failure);
            }
            safely(() -> listener.onError(failure, partial));
            stopTimer();
            scope.cancel();
            StreamingHandle handle = streamingHandle;
            if (handle != null) {
                try {
                    handle.cancel();
                } catch (RuntimeException ignored) {
                    // best effort
                }
            }
            future.completeExceptionally(failure.toException());
        }

        private void deliver(Runnable callback) {
            lock.lock();
            try {
                if (!done) {
                    safely(callback);
                }
            } finally {
                lock.unlock();
            }
        }

        private void stopTimer() {
            ScheduledFuture<?> t = timer;
            if (t != null) {
                t.cancel(false);
            }
        }

        private void safely(Runnable callback) {
            try {
                callback.run();
            } catch (RuntimeException e) {
                log.warn("A stream listener threw {}; the stream goes on", e.getClass().getName());
            }
        }
    }

    private static String human(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
