package com.salescopilot.ai.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The fake Ollama itself, over plain HTTP: protocol, scripting, timing and every fault. */
class FakeOllamaTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final FakeOllama fake = FakeOllama.start();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void reset() {
        fake.reset();
    }

    @AfterAll
    static void close() {
        fake.close();
    }

    private static String chatBody(boolean stream, String user) {
        return """
                {"model":"gpt-oss:120b","stream":%s,"messages":[{"role":"system","content":"Be brief."},\
                {"role":"user","content":%s}]}""".formatted(stream, JSON.writeValueAsString(user));
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + path))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<JsonNode> lines(String body) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    private static String content(List<JsonNode> lines, String field) {
        StringBuilder sb = new StringBuilder();
        lines.forEach(l -> sb.append(l.path("message").path(field).asString("")));
        return sb.toString();
    }

    @Test
    void streamsNdjsonTokensInOrderAndEndsWithDone() throws Exception {
        fake.enqueueChat(Answer.text("Dzień dobry, jak mogę pomóc?"));

        HttpResponse<String> response = post("/api/chat", chatBody(true, "hello"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-ndjson");
        List<JsonNode> lines = lines(response.body());
        assertThat(lines).hasSizeGreaterThan(2);
        assertThat(lines.subList(0, lines.size() - 1)).allSatisfy(l -> {
            assertThat(l.path("done").booleanValue()).isFalse();
            assertThat(l.path("model").asString()).isEqualTo("gpt-oss:120b");
            assertThat(l.path("message").path("role").asString()).isEqualTo("assistant");
        });
        assertThat(content(lines, "content")).isEqualTo("Dzień dobry, jak mogę pomóc?");
        JsonNode last = lines.getLast();
        assertThat(last.path("done").booleanValue()).isTrue();
        assertThat(last.path("done_reason").asString()).isEqualTo("stop");
        assertThat(last.path("eval_count").asInt()).isEqualTo(lines.size() - 1);
        assertThat(last.path("prompt_eval_count").asInt()).isPositive();
    }

    @Test
    void answersInOneObjectWhenNotStreaming() throws Exception {
        fake.enqueueChat(Answer.text("Whole answer").thinking("Hmm."));

        HttpResponse<String> response = post("/api/chat", chatBody(false, "hello"));

        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("done").booleanValue()).isTrue();
        assertThat(body.path("message").path("content").asString()).isEqualTo("Whole answer");
        assertThat(body.path("message").path("thinking").asString()).isEqualTo("Hmm.");
    }

    @Test
    void streamsThinkingBeforeContent() throws Exception {
        fake.enqueueChat(Answer.text("Answer.").thinking("Reasoning here."));

        List<JsonNode> lines = lines(post("/api/chat", chatBody(true, "x")).body());

        assertThat(content(lines, "thinking")).isEqualTo("Reasoning here.");
        assertThat(content(lines, "content")).isEqualTo("Answer.");
        assertThat(lines.getFirst().path("message").path("thinking").asString()).isNotEmpty();
        assertThat(lines.getFirst().path("message").path("content").asString()).isEmpty();
    }

    @Test
    void answersASchemaWithAValidInstance() throws Exception {
        String schema = """
                {"type":"object","properties":{
                  "score":{"type":"integer","minimum":0,"maximum":100},
                  "confidence":{"type":"integer","minimum":10,"maximum":20},
                  "stage":{"type":"string","enum":["awareness","decision"]},
                  "notes":{"type":"array","items":{"type":"string"},"maxItems":5},
                  "nested":{"$ref":"#/$defs/Nested"},
                  "maybe":{"type":["string","null"]},
                  "ok":{"type":"boolean"}},
                 "required":[],
                 "$defs":{"Nested":{"type":"object","properties":{"value":{"type":"number","minimum":1,"maximum":3}}}}}""";
        String body = """
                {"model":"gpt-oss:120b","stream":false,"format":%s,"messages":[{"role":"user","content":"x"}]}"""
                .formatted(schema);

        JsonNode answer = JSON.readTree(JSON.readTree(post("/api/chat", body).body()).path("message").path("content").asString());

        assertThat(answer.path("score").asInt()).isBetween(0, 100);
        assertThat(answer.path("confidence").asInt()).isBetween(10, 20);
        assertThat(answer.path("stage").asString()).isEqualTo("awareness");
        assertThat(answer.path("notes").size()).isBetween(1, 2);
        assertThat(answer.path("nested").path("value").asDouble()).isBetween(1.0, 3.0);
        assertThat(answer.path("maybe").isString()).isTrue();
        assertThat(answer.path("ok").isBoolean()).isTrue();
        assertThat(fake.lastChatRequest().hasSchema()).isTrue();
    }

    @Test
    void queuedAnswersGoFirstPerModelThenForAnyThenTheDefaultFunction() throws Exception {
        fake.defaultAnswer(r -> Answer.text(r.lastUserMessage().contains("price") ? "about price" : "other"));
        fake.enqueueChat("gpt-oss:120b", Answer.text("for the model"));
        fake.enqueueChat(Answer.text("for anyone"));

        assertThat(JSON.readTree(post("/api/chat", chatBody(false, "a")).body()).path("message").path("content").asString())
                .isEqualTo("for the model");
        assertThat(JSON.readTree(post("/api/chat", chatBody(false, "a")).body()).path("message").path("content").asString())
                .isEqualTo("for anyone");
        assertThat(JSON.readTree(post("/api/chat", chatBody(false, "the price?")).body()).path("message").path("content")
                .asString()).isEqualTo("about price");
    }

    @Test
    void recordsEveryRequest() throws Exception {
        http.send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/api/tags")).header("X-Test", "1").build(),
                HttpResponse.BodyHandlers.ofString());
        post("/api/chat", chatBody(true, "recorded?"));

        assertThat(fake.requests()).extracting(RecordedRequest::method, RecordedRequest::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("GET", "/api/tags"),
                        org.assertj.core.groups.Tuple.tuple("POST", "/api/chat"));
        assertThat(fake.requests().getFirst().header("x-test")).isEqualTo("1");
        RecordedRequest chat = fake.lastChatRequest();
        assertThat(chat.lastUserMessage()).isEqualTo("recorded?");
        assertThat(chat.systemPrompt()).contains("Be brief.");
        assertThat(chat.stream()).isTrue();
        fake.reset();
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void listsTheConfiguredModels() throws Exception {
        fake.models("gpt-oss:120b", "qwen3:8b");

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/api/tags")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(JSON.readTree(response.body()).path("models").findValuesAsString("name"))
                .containsExactly("gpt-oss:120b", "qwen3:8b");
    }

    @Test
    void requiresTheApiKeyWhenToldTo() throws Exception {
        fake.requireApiKey("k-123");

        HttpResponse<String> without = post("/api/chat", chatBody(false, "x"));
        HttpResponse<String> with = http.send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/api/chat"))
                .header("Authorization", "Bearer k-123")
                .POST(HttpRequest.BodyPublishers.ofString(chatBody(false, "x"))).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(without.statusCode()).isEqualTo(401);
        assertThat(with.statusCode()).isEqualTo(200);
    }

    @Test
    void fault500And429() throws Exception {
        fake.enqueueChat(Answer.serverError(), Answer.rateLimited());

        HttpResponse<String> first = post("/api/chat", chatBody(true, "x"));
        HttpResponse<String> second = post("/api/chat", chatBody(true, "x"));

        assertThat(first.statusCode()).isEqualTo(500);
        assertThat(JSON.readTree(first.body()).path("error").asString()).isNotBlank();
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(second.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void faultHangNeverAnswersUntilReset() throws Exception {
        fake.enqueueChat(Answer.hang());

        assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/api/chat"))
                .timeout(Duration.ofMillis(400))
                .POST(HttpRequest.BodyPublishers.ofString(chatBody(true, "x"))).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(HttpTimeoutException.class);
        assertThat(fake.chatRequests()).hasSize(1);
    }

    @Test
    void faultCutClosesTheConnectionMidStream() throws Exception {
        fake.enqueueChat(Answer.text("one two three four five").cutAfter(2));

        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/api/chat"))
                .POST(HttpRequest.BodyPublishers.ofString(chatBody(true, "x"))).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        List<String> received = new ArrayList<>();
        assertThatThrownBy(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    received.add(line);
                }
            }
        }).isInstanceOf(IOException.class);
        assertThat(received).hasSize(2);
    }

    @Test
    void faultStallSendsSomeTokensThenNothing() throws Exception {
        fake.enqueueChat(Answer.text("one two three").stallAfter(1));

        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/api/chat"))
                .POST(HttpRequest.BodyPublishers.ofString(chatBody(true, "x"))).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
        assertThat(reader.readLine()).contains("one");
        CompletableFuture<String> next = CompletableFuture.supplyAsync(() -> {
            try {
                return reader.readLine();
            } catch (IOException e) {
                return "io";
            }
        });
        Thread.sleep(300);
        assertThat(next).isNotDone();
        fake.reset();   // releases the stalled answer: the connection is dropped
        assertThat(next.get(5, TimeUnit.SECONDS)).isIn("io", null);
    }

    @Test
    void faultWithoutDoneEndsTheBodyCleanlyWithoutTheDoneLine() throws Exception {
        fake.enqueueChat(Answer.text("one two").withoutDone());

        List<JsonNode> lines = lines(post("/api/chat", chatBody(true, "x")).body());

        assertThat(content(lines, "content")).isEqualTo("one two");
        assertThat(lines).noneMatch(l -> l.path("done").booleanValue());
    }

    @Test
    void faultMarkdownWrappedJsonInvalidJsonAndOnlyThinking() throws Exception {
        fake.enqueueChat(Answer.markdownJson("{\"a\":1}"), Answer.invalidJson(), Answer.onlyThinking("just thoughts"));
        String schemaBody = """
                {"model":"gpt-oss:120b","stream":false,"format":{"type":"object","properties":{"a":{"type":"integer"},\
                "b":{"type":"string"}}},"messages":[{"role":"user","content":"x"}]}""";

        String fenced = JSON.readTree(post("/api/chat", schemaBody).body()).path("message").path("content").asString();
        String invalid = JSON.readTree(post("/api/chat", schemaBody).body()).path("message").path("content").asString();
        JsonNode thinking = JSON.readTree(post("/api/chat", schemaBody).body()).path("message");

        assertThat(fenced).isEqualTo("```json\n{\"a\":1}\n```");
        assertThat(invalid).startsWith("{");
        assertThatThrownBy(() -> JSON.readTree(invalid)).isInstanceOf(tools.jackson.core.JacksonException.class);
        assertThat(thinking.path("content").asString()).isEmpty();
        assertThat(thinking.path("thinking").asString()).isEqualTo("just thoughts");
    }

    @Test
    void honoursTimeToFirstTokenAndTokensPerSecond() throws Exception {
        fake.enqueueChat(Answer.text("a b c d e f").ttft(Duration.ofMillis(300)).tokensPerSecond(20));

        long start = System.nanoTime();
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/api/chat"))
                .POST(HttpRequest.BodyPublishers.ofString(chatBody(true, "x"))).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
        reader.readLine();
        long firstMs = (System.nanoTime() - start) / 1_000_000;
        while (reader.readLine() != null) {
            // drain
        }
        long totalMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(firstMs).isBetween(280L, 1500L);
        assertThat(totalMs - firstMs).isGreaterThanOrEqualTo(5 * 50 - 20);   // 5 gaps of 50 ms
    }

    @Test
    void tagsCanFail() throws Exception {
        fake.tagsFault(Answer.httpError(503, "unavailable"));

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/api/tags")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(503);
    }

    @Test
    void demoAnswersSpeakTheConversationsLanguageAndFillSchemas() throws Exception {
        fake.defaultAnswer(DemoAnswers::answer);

        String polish = JSON.readTree(post("/api/chat", chatBody(false, "Czy ta cena jest ostateczna?")).body())
                .path("message").path("content").asString();
        String english = JSON.readTree(post("/api/chat", chatBody(false, "Is this the final price?")).body())
                .path("message").path("content").asString();
        String schemaBody = """
                {"model":"gpt-oss:120b","stream":false,"format":{"type":"object","properties":{
                "score":{"type":"integer","minimum":0,"maximum":100},"evidence_quotes":{"type":"array","items":{"type":"string"}}}},
                "messages":[{"role":"user","content":"We   need it before   March, the budget is tight."}]}""";
        JsonNode analysis = JSON.readTree(JSON.readTree(post("/api/chat", schemaBody).body()).path("message").path("content")
                .asString());

        assertThat(polish).startsWith("SAY: ").contains("\nASK:\n- ").containsPattern("[ąćęłńóśźż]");
        assertThat(english).startsWith("SAY: ").contains("\nASK:\n- ").doesNotContainPattern("[ąćęłńóśźż]");
        assertThat(analysis.path("score").asInt()).isBetween(0, 100);
        assertThat(analysis.path("evidence_quotes")).allSatisfy(q ->
                assertThat("We   need it before   March, the budget is tight.").contains(q.asString()));
    }

    @Test
    void closeStopsTheServer() {
        FakeOllama other = FakeOllama.start();
        String url = other.baseUrl();
        other.close();

        assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(URI.create(url + "/api/tags"))
                .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
    }
}
