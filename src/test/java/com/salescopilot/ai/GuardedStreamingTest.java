package com.salescopilot.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.salescopilot.ai.fake.Answer;
import com.salescopilot.ai.fake.FakeOllama;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each fault of the fake Ollama through the real streaming model and the watchdog: exactly one terminal
 * callback with the right reason, within the configured limits, and nothing after it.
 */
class GuardedStreamingTest {

    private static final FakeOllama fake = FakeOllama.start();
    private static final ScheduledExecutorService scheduler = TestAi.scheduler();
    private static final Duration FIRST_CHUNK = Duration.ofMillis(800);
    private static final Duration IDLE = Duration.ofMillis(500);
    private static final Duration TOTAL = Duration.ofSeconds(3);
    private static final Duration NOTICE = Duration.ofSeconds(2);

    private GuardedStreaming streaming;

    @BeforeEach
    void setUp() {
        fake.reset();
        AiProperties properties = TestAi.properties(fake.baseUrl(), null, FIRST_CHUNK);
        streaming = new GuardedStreaming(TestAi.fast(properties), TestAi.limits(FIRST_CHUNK, IDLE, TOTAL, NOTICE), scheduler);
    }

    /** The first request of a JVM loads many classes (slow on a busy two-core machine): not part of any limit. */
    @BeforeAll
    static void warmUp() throws Exception {
        AiProperties properties = TestAi.properties(fake.baseUrl(), null, Duration.ofSeconds(10));
        RecordingListener listener = new RecordingListener();
        new GuardedStreaming(TestAi.fast(properties), TestAi.limits(Duration.ofSeconds(10), Duration.ofSeconds(10),
                Duration.ofSeconds(20), Duration.ofSeconds(10)), scheduler).stream(request(), listener);
        assertThat(listener.await(Duration.ofSeconds(20))).isTrue();
        fake.enqueueChat(Answer.serverError());
        RecordingListener error = new RecordingListener();
        new GuardedStreaming(TestAi.fast(properties), TestAi.limits(Duration.ofSeconds(10), Duration.ofSeconds(10),
                Duration.ofSeconds(20), Duration.ofSeconds(10)), scheduler).stream(request(), error);
        assertThat(error.await(Duration.ofSeconds(20))).isTrue();
    }

    @AfterAll
    static void close() {
        fake.close();
        scheduler.shutdownNow();
    }

    private static ChatRequest request() {
        return ChatRequest.builder().messages(UserMessage.from("Ile to kosztuje?")).build();
    }

    /** Runs one stream against the queued answer; returns the listener after its terminal callback. */
    private RecordingListener run(Answer answer) throws InterruptedException {
        fake.enqueueChat(answer);
        RecordingListener listener = new RecordingListener();
        streaming.stream(request(), listener);
        assertThat(listener.await(TOTAL.plusSeconds(2))).as("a terminal callback").isTrue();
        Thread.sleep(150);   // anything late would show up now
        assertThat(listener.terminals).hasValue(1);
        assertThat(listener.callbacksAfterTerminal).hasValue(0);
        return listener;
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    @Test
    void hangBeforeAnyAnswerIsATimeout() throws Exception {
        long start = System.nanoTime();
        RecordingListener listener = run(Answer.hang());

        assertThat(listener.failure.reason()).isEqualTo(AiFailureReason.TIMEOUT);
        assertThat(millisSince(start)).isBetween(FIRST_CHUNK.toMillis() - 50, FIRST_CHUNK.toMillis() + 1000);
        assertThat(listener.partial).isEmpty();
    }

    @Test
    void aStallAfterTheFirstTokensIsATimeoutAfterTheIdleLimitAndKeepsThePartialText() throws Exception {
        long start = System.nanoTime();
        RecordingListener listener = run(Answer.text("Dzień dobry Panu, to dobre pytanie").stallAfter(2));

        assertThat(listener.failure.reason()).isEqualTo(AiFailureReason.TIMEOUT);
        assertThat(listener.failure.detail()).contains("no data");
        assertThat(listener.partial).isEqualTo("Dzień dobry ");
        assertThat(millisSince(start)).isBetween(IDLE.toMillis() - 50, IDLE.toMillis() + 1000);
    }

    @Test
    void aCutConnectionIsConnectionClosed() throws Exception {
        long start = System.nanoTime();
        RecordingListener listener = run(Answer.text("one two three four").cutAfter(2));

        assertThat(listener.failure.reason()).isEqualTo(AiFailureReason.CONNECTION_CLOSED);
        assertThat(listener.partial).isEqualTo("one two ");
        assertThat(millisSince(start)).isLessThan(IDLE.toMillis());
    }

    @Test
    void aBodyThatEndsWithoutDoneIsConnectionClosedAtOnce() throws Exception {
        long start = System.nanoTime();
        RecordingListener listener = run(Answer.text("one two three").withoutDone());

        assertThat(listener.failure.reason()).isEqualTo(AiFailureReason.CONNECTION_CLOSED);
        assertThat(listener.failure.detail()).contains("without done");
        assertThat(listener.partial).isEqualTo("one two three");
        assertThat(millisSince(start)).isLessThan(IDLE.toMillis());
    }

    @Test
    void http500IsAnHttpError() throws Exception {
        RecordingListener listener = run(Answer.serverError());

        assertThat(listener.failure.reason()).isEqualTo(AiFailureReason.HTTP_ERROR);
        assertThat(listener.failure.httpStatus()).isEqualTo(500);
    }

    @Test
    void http429IsRateLimited() throws Exception {
        RecordingListener listener = run(Answer.rateLimited());

        assertThat(listener.failure.reason()).isEqualTo(AiFailureReason.RATE_LIMITED);
        assertThat(listener.failure.retryable()).isTrue();
    }

    @Test
    void http401IsAuth() throws Exception {
        RecordingListener listener = run(Answer.unauthorized());

        assertThat(listener.failure.reason()).isEqualTo(AiFailureReason.AUTH);
        assertThat(listener.failure.retryable()).isFalse();
        assertThat(listener.failure.messageKey()).isEqualTo("ai.error.auth");
    }

    @Test
    void contentOnlyInThinkingIsAnEmptyResponse() throws Exception {
        RecordingListener listener = run(Answer.onlyThinking("Let me think about the price objection."));

        assertThat(listener.failure.reason()).isEqualTo(AiFailureReason.EMPTY_RESPONSE);
        assertThat(listener.failure.detail()).contains("only reasoned");
        assertThat(listener.thinking).isNotEmpty();
        assertThat(listener.tokens).isEmpty();
    }

    @Test
    void longReasoningDoesNotTripTheIdleTimeout() throws Exception {
        // 12 reasoning chunks at 10/s = 1.2 s, longer than the idle limit of 0.5 s but never idle
        RecordingListener listener = run(Answer.text("Answer.")
                .thinking("a b c d e f g h i j k l").tokensPerSecond(10));

        assertThat(listener.failure).isNull();
        assertThat(listener.result.text()).isEqualTo("Answer.");
    }

    @Test
    void aStreamThatTakesTooLongInTotalIsATimeout() throws Exception {
        long start = System.nanoTime();
        // 60 tokens at 25/s = 2.4 s of steady tokens, never idle; plus the total limit of 3 s is hit
        RecordingListener listener = run(Answer.text("w ".repeat(100)).tokensPerSecond(25));

        assertThat(listener.failure.reason()).isEqualTo(AiFailureReason.TIMEOUT);
        assertThat(listener.failure.detail()).contains("not finished");
        assertThat(listener.partial).isNotEmpty();
        assertThat(millisSince(start)).isBetween(TOTAL.toMillis() - 50, TOTAL.toMillis() + 1000);
    }

    @Test
    void aSlowFirstTokenIsAnnouncedOnceAndTheAnswerStillLands() throws Exception {
        AiProperties properties = TestAi.properties(fake.baseUrl(), null, Duration.ofSeconds(3));
        GuardedStreaming patient = new GuardedStreaming(TestAi.fast(properties),
                TestAi.limits(Duration.ofSeconds(3), IDLE, TOTAL, Duration.ofMillis(200)), scheduler);
        fake.enqueueChat(Answer.text("Late but here.").ttft(Duration.ofMillis(600)));
        RecordingListener listener = new RecordingListener();

        patient.stream(request(), listener);

        assertThat(listener.await(Duration.ofSeconds(5))).isTrue();
        assertThat(listener.lateNotices).hasSize(1);
        assertThat(listener.lateNotices.getFirst()).isBetween(Duration.ofMillis(190), Duration.ofMillis(590));
        assertThat(listener.result.text()).isEqualTo("Late but here.");
        assertThat(listener.result.firstTokenAfter()).isGreaterThanOrEqualTo(Duration.ofMillis(590));
    }

    @Test
    void cancelEndsTheStreamOnceAndDropsLateTokens() throws Exception {
        fake.enqueueChat(Answer.text("a b c d e f g h i j k l m n o p").tokensPerSecond(20));
        RecordingListener listener = new RecordingListener();
        StreamHandle handle = streaming.stream(request(), listener);
        while (listener.tokens.size() < 2) {
            Thread.sleep(10);
        }

        handle.cancel();
        handle.cancel();
        Thread.sleep(400);

        assertThat(handle.isDone()).isTrue();
        assertThat(listener.failure.reason()).isEqualTo(AiFailureReason.CANCELLED);
        assertThat(listener.terminals).hasValue(1);
        assertThat(listener.callbacksAfterTerminal).hasValue(0);
        assertThat(listener.tokens.size()).isLessThan(8);
        assertThatThrownBy(() -> handle.result().get()).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(AiException.class);
    }

    @Test
    void unreachableServer() throws Exception {
        FakeOllama gone = FakeOllama.start();
        String url = gone.baseUrl();
        gone.close();
        AiProperties properties = TestAi.properties(url, null, FIRST_CHUNK);
        RecordingListener listener = new RecordingListener();

        new GuardedStreaming(TestAi.fast(properties), TestAi.limits(FIRST_CHUNK, IDLE, TOTAL, NOTICE), scheduler)
                .stream(request(), listener);

        assertThat(listener.await(Duration.ofSeconds(3))).isTrue();
        assertThat(listener.failure.reason()).isEqualTo(AiFailureReason.UNREACHABLE);
    }

    @Test
    void aCallThatThrowsAtOnceStillEndsInOneCallback() throws Exception {
        RecordingListener listener = new RecordingListener();
        Consumer<StreamingChatResponseHandler> broken = h -> {
            throw new IllegalArgumentException("messages must not be empty");
        };

        streaming.start(broken, listener, streaming.limits());

        assertThat(listener.await(Duration.ofSeconds(1))).isTrue();
        assertThat(listener.failure.reason()).isEqualTo(AiFailureReason.OTHER);
        assertThat(listener.failure.detail()).doesNotContain("messages must not be empty");
    }

    @Test
    void aSilentStreamWithoutTheFakeStillEndsByTheWatchdog() throws Exception {
        // a model that never calls back at all (as LangChain4j does on a stall): only the timers can end it
        RecordingListener listener = new RecordingListener();
        long start = System.nanoTime();

        streaming.start(h -> { }, listener, TestAi.limits(Duration.ofMillis(300), IDLE, TOTAL, NOTICE));

        assertThat(listener.await(Duration.ofSeconds(2))).isTrue();
        assertThat(listener.failure.reason()).isEqualTo(AiFailureReason.TIMEOUT);
        assertThat(millisSince(start)).isBetween(250L, 1300L);
    }
}
