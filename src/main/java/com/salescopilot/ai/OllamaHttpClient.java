package com.salescopilot.ai;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpMethod;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventContext;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.time.Duration;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * LangChain4j's JDK HTTP client with two additions for Ollama:
 * <ul>
 * <li>the reasoning effort: LangChain4j 1.11 can only send {@code "think": true/false}; gpt-oss wants
 * {@code "low"|"medium"|"high"}. The JSON body of every {@code /api/chat} and {@code /api/generate}
 * request is rewritten to carry {@code "think": <effort>}; everything else is kept as it was.</li>
 * <li>the hooks of {@link StreamScope} for the stream watchdog.</li>
 * </ul>
 */
final class OllamaHttpClient implements HttpClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern DONE_TRUE = Pattern.compile("\"done\"\\s*:\\s*true");

    private final HttpClient delegate;
    private final ReasoningEffort effort;

    OllamaHttpClient(HttpClient delegate, ReasoningEffort effort) {
        this.delegate = delegate;
        this.effort = effort;
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) throws HttpException {
        return delegate.execute(withEffort(request));
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        StreamScope scope = StreamScope.current();
        if (scope == null) {
            delegate.execute(withEffort(request), parser, listener);
            return;
        }
        ServerSentEventParser guardedParser = (body, l) -> {
            if (scope.attach(body)) {
                parser.parse(body, l);
            }
        };
        delegate.execute(withEffort(request), guardedParser, new WatchedListener(listener, scope.events()));
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
            HttpClient jdk = JdkHttpClient.builder()
                    .connectTimeout(connectTimeout)
                    .readTimeout(readTimeout)
                    .build();
            return new OllamaHttpClient(jdk, effort);
        }
    }
}
