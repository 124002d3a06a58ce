package com.salescopilot.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.salescopilot.ai.fake.Answer;
import com.salescopilot.ai.fake.FakeOllama;
import com.salescopilot.ai.fake.RecordedRequest;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.service.AiServices;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real LangChain4j Ollama models, built as the application builds them, against the fake Ollama over
 * HTTP: what goes on the wire, streaming, structured output.
 */
class ModelAccessTest {

    private static final FakeOllama fake = FakeOllama.start();
    private static final ScheduledExecutorService scheduler = TestAi.scheduler();

    @BeforeEach
    void reset() {
        fake.reset();
    }

    @AfterAll
    static void close() {
        fake.close();
        scheduler.shutdownNow();
    }

    private static ChatRequest request(String user) {
        return ChatRequest.builder().messages(SystemMessage.from("You are a sales co-pilot."), UserMessage.from(user)).build();
    }

    @Test
    void streamingTokensArriveInOrderAndCompleteOnce() throws Exception {
        fake.enqueueChat(Answer.text("Rozumiem. Pokażę Panu konkretne liczby, dobrze?").thinking("Klient pyta o cenę.")
                .tokensPerSecond(200));
        AiProperties properties = TestAi.properties(fake.baseUrl());
        GuardedStreaming streaming = new GuardedStreaming(TestAi.fast(properties), AiConfiguration.limits(properties),
                scheduler);
        RecordingListener listener = new RecordingListener();

        StreamHandle handle = streaming.stream(request("Ile to kosztuje?"), listener);

        assertThat(listener.await(Duration.ofSeconds(5))).isTrue();
        assertThat(listener.failure).isNull();
        assertThat(listener.tokens).containsExactly("Rozumiem. ", "Pokażę ", "Panu ", "konkretne ", "liczby, ", "dobrze?");
        assertThat(listener.text()).isEqualTo("Rozumiem. Pokażę Panu konkretne liczby, dobrze?");
        assertThat(String.join("", listener.thinking)).isEqualTo("Klient pyta o cenę.");
        assertThat(listener.result.text()).isEqualTo(listener.text());
        assertThat(listener.result.thinking()).isEqualTo("Klient pyta o cenę.");
        assertThat(listener.result.finishReason()).isEqualTo("STOP");
        assertThat(listener.result.outputTokens()).isEqualTo(10);
        assertThat(listener.result.firstTokenAfter()).isNotNull();
        assertThat(handle.result().get()).isEqualTo(listener.result);
        Thread.sleep(100);
        assertThat(listener.terminals).hasValue(1);
        assertThat(listener.callbacksAfterTerminal).hasValue(0);
        RecordedRequest sent = fake.lastChatRequest();
        assertThat(sent.stream()).isTrue();
        assertThat(sent.model()).isEqualTo(TestAi.MODEL);
        assertThat(sent.lastUserMessage()).isEqualTo("Ile to kosztuje?");
        assertThat(sent.options().path("num_predict").asInt()).isEqualTo(256);
        assertThat(sent.options().path("temperature").asDouble()).isEqualTo(0.5);
    }

    @Test
    void theReasoningEffortLeavesTheAppAsAStringForEachPath() {
        AiProperties properties = TestAi.properties(fake.baseUrl());
        fake.enqueueChat(Answer.text("fast"), Answer.text("slow"));

        RecordingListener listener = new RecordingListener();
        new GuardedStreaming(TestAi.fast(properties), AiConfiguration.limits(properties), scheduler)
                .stream(request("hi"), listener);
        awaitQuietly(listener);
        TestAi.analysis(properties).chat(request("hi"));

        List<RecordedRequest> chats = fake.chatRequests();
        assertThat(chats).hasSize(2);
        assertThat(chats.get(0).think().isString()).isTrue();
        assertThat(chats.get(0).think().asString()).isEqualTo("low");
        assertThat(chats.get(0).body()).contains("\"think\":\"low\"");
        assertThat(chats.get(1).think().asString()).isEqualTo("medium");
        assertThat(chats.get(1).stream()).isFalse();
    }

    @Test
    void otherEffortsAndDefaultAreSentAsConfigured() {
        for (ReasoningEffort effort : ReasoningEffort.values()) {
            AiProperties base = TestAi.properties(fake.baseUrl());
            AiProperties properties = new AiProperties(base.baseUrl(), null, base.fast(),
                    new AiProperties.Analysis(TestAi.MODEL, effort, Duration.ofSeconds(5), 100, null, null, 0),
                    base.connectTimeout(), base.firstTokenNotice(), base.streamIdleTimeout(), base.streamTotalTimeout(),
                    base.healthTimeout(), base.statusCacheTtl());
            fake.reset();
            TestAi.analysis(properties).chat(request("hi"));

            RecordedRequest sent = fake.lastChatRequest();
            switch (effort) {
                case LOW, MEDIUM, HIGH -> assertThat(sent.think().asString()).isEqualTo(effort.name().toLowerCase());
                case ON -> assertThat(sent.think().booleanValue()).isTrue();
                case OFF -> assertThat(sent.think().isBoolean() && !sent.think().booleanValue()).isTrue();
                case DEFAULT -> assertThat(sent.think().isMissingNode()).isTrue();
            }
        }
    }

    @Test
    void rewritingKeepsEverythingElse() {
        String body = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"zażółć \\\"gęślą\\\"\"}],"
                + "\"options\":{\"temperature\":0.7,\"num_predict\":10},\"stream\":true,\"think\":true}";

        String rewritten = OllamaHttpClient.rewriteThink(body, ReasoningEffort.HIGH);

        assertThat(rewritten).isEqualTo(body.replace("\"think\":true", "\"think\":\"high\""));
        assertThat(OllamaHttpClient.rewriteThink("not json", ReasoningEffort.HIGH)).isEqualTo("not json");
    }

    /** A record the analysis path could ask for: LangChain4j turns it into a JSON schema. */
    record Profile(String summary, int temperature, List<String> buySignals, Stage stage) {
    }

    enum Stage { AWARENESS, DECISION }

    interface Analyst {
        Profile analyse(String conversation);
    }

    @Test
    void structuredOutputSendsTheSchemaInFormatAndParsesTheAnswer() {
        AiProperties properties = TestAi.properties(fake.baseUrl());
        OllamaChatModel model = TestAi.analysis(properties);
        Analyst analyst = AiServices.builder(Analyst.class).chatModel(model).build();

        Profile profile = analyst.analyse("Client: we need it by March.");

        RecordedRequest sent = fake.lastChatRequest();
        assertThat(sent.hasSchema()).isTrue();
        assertThat(sent.format().path("type").asString()).isEqualTo("object");
        assertThat(sent.format().path("properties").propertyNames())
                .containsExactlyInAnyOrder("summary", "temperature", "buySignals", "stage");
        assertThat(sent.format().path("properties").path("stage").path("enum").size()).isEqualTo(2);
        assertThat(sent.think().asString()).isEqualTo("medium");
        assertThat(profile.summary()).isNotBlank();
        assertThat(profile.buySignals()).isNotEmpty();
        assertThat(profile.stage()).isEqualTo(Stage.AWARENESS);
    }

    @Test
    void theBearerHeaderIsSentOnlyWhenAKeyIsSet() {
        AiProperties withKey = TestAi.properties(fake.baseUrl(), "ollama-key-4711", Duration.ofSeconds(5));
        AiProperties withoutKey = TestAi.properties(fake.baseUrl());
        fake.requireApiKey("ollama-key-4711");

        TestAi.analysis(withKey).chat(request("hi"));
        RecordingListener listener = new RecordingListener();
        new GuardedStreaming(TestAi.fast(withKey), AiConfiguration.limits(withKey), scheduler).stream(request("hi"), listener);
        awaitQuietly(listener);
        new ModelStatusService(withKey).refresh();
        assertThatThrownBy(() -> TestAi.analysis(withoutKey).chat(request("hi")))
                .satisfies(e -> assertThat(AiErrorClassifier.classify(e).reason()).isEqualTo(AiFailureReason.AUTH));

        List<RecordedRequest> all = fake.requests();
        assertThat(all).hasSize(4);
        assertThat(all.subList(0, 3)).allSatisfy(r ->
                assertThat(r.header("Authorization")).isEqualTo("Bearer ollama-key-4711"));
        assertThat(all.get(2).path()).isEqualTo("/api/tags");
        assertThat(all.get(3).headers()).doesNotContainKey("Authorization");
        assertThat(listener.result).isNotNull();
    }

    @Test
    void analysisPathFaultsAreClassified() {
        AiProperties properties = TestAi.properties(fake.baseUrl(), null, Duration.ofMillis(1500));
        OllamaChatModel model = TestAi.analysis(properties);

        assertThat(failureOf(model, Answer.serverError()).reason()).isEqualTo(AiFailureReason.HTTP_ERROR);
        assertThat(failureOf(model, Answer.serverError()).httpStatus()).isEqualTo(500);
        assertThat(failureOf(model, Answer.rateLimited()).reason()).isEqualTo(AiFailureReason.RATE_LIMITED);
        assertThat(failureOf(model, Answer.modelNotFound("x")).reason()).isEqualTo(AiFailureReason.MODEL_NOT_FOUND);
        assertThat(failureOf(model, Answer.fromSchema().cutAfter(0)).reason()).isEqualTo(AiFailureReason.CONNECTION_CLOSED);
        long start = System.nanoTime();
        assertThat(failureOf(model, Answer.hang()).reason()).isEqualTo(AiFailureReason.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        start = System.nanoTime();
        // headers and half the body, then silence: the JDK's request timeout alone would wait forever
        assertThat(failureOf(model, Answer.fromSchema().stallAfter(0)).reason()).isEqualTo(AiFailureReason.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        assertThat(fake.chatRequests()).hasSize(7);   // no retries by default (max-retries 0)
    }

    @Test
    void analysisPathHandsOverMarkdownInvalidJsonAndEmptyContentAsTheyAre() {
        AiProperties properties = TestAi.properties(fake.baseUrl());
        OllamaChatModel model = TestAi.analysis(properties);
        fake.enqueueChat(Answer.markdownJson("{\"a\":1}"), Answer.invalidJson(), Answer.onlyThinking("hmm"));

        ChatResponse fenced = model.chat(request("x"));
        ChatResponse invalid = model.chat(request("x"));
        ChatResponse onlyThinking = model.chat(request("x"));

        assertThat(fenced.aiMessage().text()).isEqualTo("```json\n{\"a\":1}\n```");
        assertThat(invalid.aiMessage().text()).isNotBlank();
        assertThat(onlyThinking.aiMessage().text()).isNullOrEmpty();
        assertThat(onlyThinking.aiMessage().thinking()).isEqualTo("hmm");
    }

    @Test
    void unreachableServer() {
        FakeOllama gone = FakeOllama.start();
        String url = gone.baseUrl();
        gone.close();
        AiProperties properties = TestAi.properties(url);

        assertThatThrownBy(() -> TestAi.analysis(properties).chat(request("x")))
                .satisfies(e -> assertThat(AiErrorClassifier.classify(e).reason()).isEqualTo(AiFailureReason.UNREACHABLE));
    }

    private static AiFailure failureOf(OllamaChatModel model, Answer answer) {
        fake.enqueueChat(answer);
        try {
            model.chat(request("x"));
        } catch (RuntimeException e) {
            return AiErrorClassifier.classify(e);
        }
        throw new AssertionError("expected a failure for " + answer);
    }

    private static void awaitQuietly(RecordingListener listener) {
        try {
            assertThat(listener.await(Duration.ofSeconds(5))).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
