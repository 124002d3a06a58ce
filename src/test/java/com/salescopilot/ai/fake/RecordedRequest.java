package com.salescopilot.ai.fake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * One request as the fake Ollama received it: method, path, query, headers (names case-insensitive),
 * the raw body, and helpers that read Ollama's chat request fields.
 */
public final class RecordedRequest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String method;
    private final String path;
    private final String query;
    private final Map<String, List<String>> headers;
    private final String body;
    private final Instant receivedAt;
    private final long receivedNanos;
    private volatile JsonNode json;

    RecordedRequest(String method, String path, String query, Map<String, List<String>> headers, String body,
                    Instant receivedAt, long receivedNanos) {
        this.method = method;
        this.path = path;
        this.query = query;
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> {
            if (name != null) {
                copy.put(name, List.copyOf(values));
            }
        });
        this.headers = Collections.unmodifiableMap(copy);
        this.body = body;
        this.receivedAt = receivedAt;
        this.receivedNanos = receivedNanos;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public String query() {
        return query;
    }

    /** All headers; names are case-insensitive. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The first value of the header, or null. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    public String body() {
        return body;
    }

    /** {@link System#nanoTime()} when the server began to handle the request (before reading its body). */
    public long receivedNanos() {
        return receivedNanos;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public boolean isChat() {
        return "POST".equals(method) && "/api/chat".equals(path);
    }

    /** The body as JSON (a missing node if it is not JSON). */
    public JsonNode json() {
        JsonNode parsed = json;
        if (parsed == null) {
            try {
                parsed = body == null || body.isBlank() ? MissingNode.getInstance() : JSON.readTree(body);
            } catch (JacksonException e) {
                parsed = MissingNode.getInstance();
            }
            json = parsed;
        }
        return parsed;
    }

    public String model() {
        return json().path("model").asString(null);
    }

    /** Ollama streams unless {@code "stream": false}. */
    public boolean stream() {
        JsonNode stream = json().path("stream");
        return !stream.isBoolean() || stream.booleanValue();
    }

    /** The {@code think} field as sent: a string ("low"), a boolean, or a missing node. */
    public JsonNode think() {
        return json().path("think");
    }

    /** The {@code format} field: a JSON schema object, the string "json", or a missing node. */
    public JsonNode format() {
        return json().path("format");
    }

    /** Whether {@code format} is a JSON schema (an object). */
    public boolean hasSchema() {
        return format().isObject();
    }

    public JsonNode options() {
        return json().path("options");
    }

    /** The messages as (role, content) pairs. */
    public List<Map.Entry<String, String>> messages() {
        List<Map.Entry<String, String>> result = new ArrayList<>();
        for (JsonNode message : json().path("messages")) {
            result.add(Map.entry(message.path("role").asString(""), message.path("content").asString("")));
        }
        return result;
    }

    /** The content of the last user message, or "". */
    public String lastUserMessage() {
        String last = "";
        for (Map.Entry<String, String> m : messages()) {
            if ("user".equals(m.getKey())) {
                last = m.getValue();
            }
        }
        return last;
    }

    /** The system messages joined, or "". */
    public String systemPrompt() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> m : messages()) {
            if ("system".equals(m.getKey())) {
                sb.append(m.getValue()).append('\n');
            }
        }
        return sb.toString();
    }

    /** Every message's content joined: handy for "answer based on the prompt" functions. */
    public String allText() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> m : messages()) {
            sb.append(m.getValue()).append('\n');
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return method + " " + path + (query == null ? "" : "?" + query) + " (" + (body == null ? 0 : body.length())
                + " chars)";
    }
}
