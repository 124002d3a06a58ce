package com.salescopilot.ai.fake;

import java.time.Duration;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the fake Ollama answers to one chat request: content (text, JSON, an instance of the request's
 * JSON schema), optional reasoning ({@code message.thinking}), timing, and faults. Immutable; the
 * {@code with…}/fault methods return changed copies.
 *
 * <pre>{@code
 * fake.enqueueChat(Answer.text("Hello there"));
 * fake.enqueueChat(Answer.fromSchema().thinking("Let me see…").ttft(Duration.ofMillis(300)));
 * fake.enqueueChat(Answer.fromSchema().inMarkdownFence());     // ```json … ```
 * fake.enqueueChat(Answer.invalidJson());
 * fake.enqueueChat(Answer.serverError());                      // HTTP 500
 * fake.enqueueChat(Answer.rateLimited());                      // HTTP 429
 * fake.enqueueChat(Answer.hang());                             // accepts, never answers
 * fake.enqueueChat(Answer.text("one two three four").cutAfter(2));   // connection closed mid-way
 * fake.enqueueChat(Answer.text("one two three").stallAfter(1));      // headers + 1 token, then silence
 * fake.enqueueChat(Answer.text("one two").withoutDone());            // body ends, no done:true
 * fake.enqueueChat(Answer.onlyThinking("I think… but never answer"));
 * }</pre>
 *
 * @param kind            content, schema instance, HTTP error, or hang
 * @param content         the answer text (CONTENT)
 * @param thinking        reasoning streamed before the content, or null
 * @param status          the HTTP status (HTTP_ERROR)
 * @param error           Ollama's {@code {"error": …}} text (HTTP_ERROR)
 * @param ending          how the body ends
 * @param endAfterTokens  for CUT and STALL: after how many chunks (reasoning and content together)
 * @param markdownFence   wrap the content in a Markdown ```json fence
 * @param truncateJson    cut the content in the middle (invalid JSON)
 * @param ttft            time before the first chunk (null: the server's setting)
 * @param tokensPerSecond chunk rate (null: the server's setting; 0: no delay)
 * @param doneReason      {@code done_reason} of the last line ("stop", "length")
 */
public record Answer(Kind kind, String content, String thinking, int status, String error, Ending ending,
                     int endAfterTokens, boolean markdownFence, boolean truncateJson, Duration ttft,
                     Double tokensPerSecond, String doneReason) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public enum Kind { CONTENT, FROM_SCHEMA, HTTP_ERROR, HANG }

    public enum Ending {
        /** The normal end: a last line with {@code "done": true}. */
        DONE,
        /** The connection is closed abruptly (no end of the chunked body) after some chunks. */
        CUT,
        /** Some chunks, then silence with the connection open (until the fake is reset or closed). */
        STALL,
        /** The body ends cleanly but no line says {@code "done": true}. */
        NO_DONE
    }

    private static Answer of(Kind kind, String content) {
        return new Answer(kind, content, null, 200, null, Ending.DONE, 0, false, false, null, null, "stop");
    }

    /** Plain text content. */
    public static Answer text(String content) {
        return of(Kind.CONTENT, content);
    }

    /** JSON content: a String is taken as JSON text, anything else is serialized with Jackson. */
    public static Answer json(Object value) {
        return of(Kind.CONTENT, value instanceof String s ? s : JSON.writeValueAsString(value));
    }

    /** A valid instance of the request's JSON schema ({@code format}); "{}" when there is none. */
    public static Answer fromSchema() {
        return of(Kind.FROM_SCHEMA, null);
    }

    /** The JSON in a Markdown fence (```json … ```), as models sometimes answer. */
    public static Answer markdownJson(String json) {
        return json(json).inMarkdownFence();
    }

    /** Content that is not valid JSON (a schema instance cut in the middle). */
    public static Answer invalidJson() {
        return fromSchema().truncatedJson();
    }

    /** Reasoning only; the visible content is empty. */
    public static Answer onlyThinking(String thinking) {
        return text("").thinking(thinking);
    }

    /** An HTTP error with Ollama's {@code {"error": …}} body. */
    public static Answer httpError(int status, String error) {
        return new Answer(Kind.HTTP_ERROR, null, null, status, error, Ending.DONE, 0, false, false, null, null, null);
    }

    public static Answer serverError() {
        return httpError(500, "an internal error occurred (fake)");
    }

    public static Answer rateLimited() {
        return httpError(429, "too many requests (fake)");
    }

    public static Answer unauthorized() {
        return httpError(401, "unauthorized");
    }

    public static Answer modelNotFound(String model) {
        return httpError(404, "model '" + model + "' not found");
    }

    /** Accepts the request and never answers (until the fake is reset or closed). */
    public static Answer hang() {
        return new Answer(Kind.HANG, null, null, 200, null, Ending.DONE, 0, false, false, null, null, null);
    }

    public Answer thinking(String reasoning) {
        return new Answer(kind, content, reasoning, status, error, ending, endAfterTokens, markdownFence, truncateJson,
                ttft, tokensPerSecond, doneReason);
    }

    public Answer inMarkdownFence() {
        return new Answer(kind, content, thinking, status, error, ending, endAfterTokens, true, truncateJson, ttft,
                tokensPerSecond, doneReason);
    }

    public Answer truncatedJson() {
        return new Answer(kind, content, thinking, status, error, ending, endAfterTokens, markdownFence, true, ttft,
                tokensPerSecond, doneReason);
    }

    /** Closes the connection abruptly after {@code chunks} chunks (in a non-streamed answer: mid-body). */
    public Answer cutAfter(int chunks) {
        return ending(Ending.CUT, chunks);
    }

    /** Sends {@code chunks} chunks, then nothing, keeping the connection open. */
    public Answer stallAfter(int chunks) {
        return ending(Ending.STALL, chunks);
    }

    /** Ends the body cleanly without the {@code "done": true} line. */
    public Answer withoutDone() {
        return ending(Ending.NO_DONE, 0);
    }

    public Answer ttft(Duration timeToFirstToken) {
        return new Answer(kind, content, thinking, status, error, ending, endAfterTokens, markdownFence, truncateJson,
                timeToFirstToken, tokensPerSecond, doneReason);
    }

    public Answer tokensPerSecond(double rate) {
        return new Answer(kind, content, thinking, status, error, ending, endAfterTokens, markdownFence, truncateJson,
                ttft, rate, doneReason);
    }

    public Answer doneReason(String reason) {
        return new Answer(kind, content, thinking, status, error, ending, endAfterTokens, markdownFence, truncateJson,
                ttft, tokensPerSecond, reason);
    }

    private Answer ending(Ending newEnding, int chunks) {
        return new Answer(kind, content, thinking, status, error, newEnding, chunks, markdownFence, truncateJson, ttft,
                tokensPerSecond, doneReason);
    }
}
