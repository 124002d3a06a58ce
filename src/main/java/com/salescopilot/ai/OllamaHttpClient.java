package com.salescopilot.ai;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpMethod;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventContext;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import dev.langchain4j.exception.TimeoutException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * LangChain4j's HTTP client for Ollama, on the JDK's {@link java.net.http.HttpClient}, with three additions:
 * <ul>
 * <li>the reasoning effort: LangChain4j 1.11 can only send {@code "think": true/false}; gpt-oss wants
 * {@code "low"|"medium"|"high"}. The JSON body of every {@code /api/chat} and {@code /api/generate}
 * request is rewritten to carry {@code "think": <effort>}; everything else is kept as it was.</li>
 * <li>the hooks of {@link StreamScope} for the stream watchdog.</li>
 * <li>stream bodies are read on virtual threads. LangChain4j's own {@code JdkHttpClient} reads them in a
 * {@code thenAccept} of {@code sendAsync}, which the JDK runs on the common fork-join pool (one thread on
 * a two-core machine), so concurrent streams would queue behind each other.</li>
 * </ul>
 * Errors are reported as LangChain4j's {@code JdkHttpClient} reports them ({@link HttpException} for a
 * non-2xx status, {@link TimeoutException} for the request timeout), so LangChain4j maps them as usual.
 */
final class OllamaHttpClient implements HttpClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern DONE_TRUE = Pattern.compile("\"done\"\\s*:\\s*true");
    private static final Executor STREAM_READERS =
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("ollama-stream-", 0).factory());

    private final java.net.http.HttpClient http;
    private final Duration readTimeout;
    private final ReasoningEffort effort;

    OllamaHttpClient(java.net.http.HttpClient http, Duration readTimeout, ReasoningEffort effort) {
        this.http = http;
        this.readTimeout = readTimeout;
        this.effort = effort;
    }

    /**
     * A blocking call. The read timeout covers the whole exchange, body included (the JDK's request
     * timeout alone stops at the headers, so a server that stalls mid-body would block forever).
     */
    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) throws HttpException {
        CompletableFuture<java.net.http.HttpResponse<String>> call =
                http.sendAsync(toJdkRequest(withEffort(request)), BodyHandlers.ofString());
        java.net.http.HttpResponse<String> response;
        try {
            response = readTimeout == null ? call.get() : call.get(readTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            call.cancel(true);
            throw new TimeoutException(new HttpTimeoutException("no complete answer within " + readTimeout));
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new RuntimeException(e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof HttpTimeoutException) {
                throw new TimeoutException(cause);
            }
            throw cause instanceof RuntimeException runtime ? runtime : new RuntimeException(cause);
        }
        if (!isSuccessful(response.statusCode())) {
            throw new HttpException(response.statusCode(), response.body());
        }
        return SuccessfulHttpResponse.builder()
                .statusCode(response.statusCode())
                .headers(response.headers().map())
                .body(response.body())
                .build();
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        StreamScope scope = StreamScope.current();
        ServerSentEventListener target = scope == null ? listener : new WatchedListener(listener, scope.events());
        java.net.http.HttpRequest jdkRequest = toJdkRequest(withEffort(request));
        http.sendAsync(jdkRequest, BodyHandlers.ofInputStream())
                .whenCompleteAsync((response, error) -> {
                    if (error != null) {
                        Throwable cause = error instanceof CompletionException && error.getCause() != null
                                ? error.getCause() : error;
                        quietly(() -> target.onError(cause instanceof HttpTimeoutException
                                ? new TimeoutException(cause) : cause));
                        return;
                    }
                    read(response, parser, target, scope);
                }, STREAM_READERS);
    }

    private static void read(java.net.http.HttpResponse<InputStream> response, ServerSentEventParser parser,
                             ServerSentEventListener listener, StreamScope scope) {
        if (!isSuccessful(response.statusCode())) {
            String body;
            try (InputStream in = response.body()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                body = "";
            }
            HttpException exception = new HttpException(response.statusCode(), body);
            quietly(() -> listener.onError(exception));
            return;
        }
        SuccessfulHttpResponse opened = SuccessfulHttpResponse.builder()
                .statusCode(response.statusCode())
                .headers(response.headers().map())
                .build();
        quietly(() -> listener.onOpen(opened));
        try (InputStream body = response.body()) {
            if (scope != null && !scope.attach(body)) {
                return;
            }
            parser.parse(body, listener);
            quietly(listener::onClose);
        } catch (IOException | RuntimeException e) {
            quietly(() -> listener.onError(e));
        }
    }

    private java.net.http.HttpRequest toJdkRequest(HttpRequest request) {
        if (!request.formDataFields().isEmpty() || !request.formDataFiles().isEmpty()) {
            throw new UnsupportedOperationException("multipart requests are not used with Ollama");
        }
        java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(URI.create(request.url()));
        request.headers().forEach((name, values) -> {
            if (values != null) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        builder.method(request.method().name(), request.body() == null
                ? BodyPublishers.noBody() : BodyPublishers.ofString(request.body()));
        if (readTimeout != null) {
            builder.timeout(readTimeout);
        }
        return builder.build();
    }

    private static boolean isSuccessful(int status) {
        return status >= 200 && status < 300;
    }

    private static void quietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException ignored) {
            // a listener's failure must not stop the reader; LangChain4j's handlers report their own
        }
    }

    HttpRequest withEffort(HttpRequest request) {
        if (effort == ReasoningEffort.DEFAULT || request.method() != HttpMethod.POST || request.body() == null
                || !(request.url().endsWith("/api/chat") || request.url().endsWith("/api/generate"))) {
            return request;
        }
        String body = rewriteThink(request.body(), effort);
        return HttpRequest.builder()
                .method(request.method())
                .url(request.url())
                .headers(request.headers())
                .body(body)
                .build();
    }

    /** The same JSON with {@code think} set to the effort's wire value (unchanged if it is not a JSON object). */
    static String rewriteThink(String body, ReasoningEffort effort) {
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (JacksonException e) {
            return body;
        }
        if (!(tree instanceof ObjectNode object)) {
            return body;
        }
        Object value = effort.wireValue();
        if (value instanceof String text) {
            object.put("think", text);
        } else if (value instanceof Boolean flag) {
            object.put("think", flag);
        } else {
            object.remove("think");
        }
        return JSON.writeValueAsString(object);
    }

    /** Passes everything on and tells the watchdog about activity and a body that ended without done. */
    private static final class WatchedListener implements ServerSentEventListener {
        private final ServerSentEventListener delegate;
        private final StreamScope.Events events;
        private volatile boolean sawDone;
        private volatile boolean failed;

        WatchedListener(ServerSentEventListener delegate, StreamScope.Events events) {
            this.delegate = delegate;
            this.events = events;
        }

        @Override
        public void onOpen(SuccessfulHttpResponse response) {
            delegate.onOpen(response);
        }

        @Override
        public void onEvent(ServerSentEvent event) {
            seen(event);
            delegate.onEvent(event);
        }

        @Override
        public void onEvent(ServerSentEvent event, ServerSentEventContext context) {
            seen(event);
            delegate.onEvent(event, context);
        }

        private void seen(ServerSentEvent event) {
            events.activity();
            if (event.data() != null && DONE_TRUE.matcher(event.data()).find()) {
                sawDone = true;
            }
        }

        @Override
        public void onError(Throwable throwable) {
            failed = true;
            delegate.onError(throwable);
        }

        @Override
        public void onClose() {
            try {
                delegate.onClose();
            } finally {
                if (!sawDone && !failed) {
                    events.endedWithoutDone();
                }
            }
        }
    }

    /** Builds the JDK client with the given timeouts and wraps it; LangChain4j sets the timeouts. */
    static final class Builder implements HttpClientBuilder {
        private final ReasoningEffort effort;
        private Duration connectTimeout;
        private Duration readTimeout;

        Builder(ReasoningEffort effort, Duration connectTimeout, Duration readTimeout) {
            this.effort = effort;
            this.connectTimeout = connectTimeout;
            this.readTimeout = readTimeout;
        }

        @Override
        public Duration connectTimeout() {
            return connectTimeout;
        }

        @Override
        public HttpClientBuilder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        @Override
        public Duration readTimeout() {
            return readTimeout;
        }

        @Override
        public HttpClientBuilder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        @Override
        public HttpClient build() {
            java.net.http.HttpClient.Builder http = java.net.http.HttpClient.newBuilder();
            if (connectTimeout != null) {
                http.connectTimeout(connectTimeout);
            }
            return new OllamaHttpClient(http.build(), readTimeout, effort);
        }
    }
}
