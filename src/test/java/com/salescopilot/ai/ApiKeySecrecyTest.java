package com.salescopilot.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.read.ListAppender;
import com.salescopilot.ai.fake.Answer;
import com.salescopilot.ai.fake.FakeOllama;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The API key travels only in the Authorization header: not in toString, failures, exception messages,
 * health details or logs (everything logged at every level while calls fail in every way is captured).
 */
class ApiKeySecrecyTest {

    private static final String KEY = "sk-ollama-7f3a9c1e5b";

    @Test
    void theKeyAppearsNowhereButTheHeader() throws Exception {
        LoggerContext logs = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = logs.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level rootLevel = root.getLevel();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.setContext(logs);
        captured.start();
        root.addAppender(captured);
        root.setLevel(Level.TRACE);
        ScheduledExecutorService scheduler = TestAi.scheduler();
        StringBuilder everything = new StringBuilder();
        try (FakeOllama fake = FakeOllama.start()) {
            AiProperties properties = TestAi.properties(fake.baseUrl(), KEY, Duration.ofMillis(600));
            everything.append(properties).append('\n');
            GuardedStreaming streaming = new GuardedStreaming(TestAi.fast(properties), TestAi.limits(
                    Duration.ofMillis(600), Duration.ofMillis(400), Duration.ofSeconds(3), Duration.ofSeconds(2)), scheduler);
            ChatRequest request = ChatRequest.builder().messages(UserMessage.from("hello")).build();

            for (Answer answer : new Answer[] {Answer.text("fine"), Answer.unauthorized(), Answer.serverError(),
                    Answer.rateLimited(), Answer.hang(), Answer.text("a b c").cutAfter(1), Answer.text("a b").stallAfter(1),
                    Answer.httpError(400, "invalid header: Bearer " + KEY)}) {
                fake.enqueueChat(answer);
                RecordingListener listener = new RecordingListener();
                streaming.stream(request, listener);
                assertThat(listener.await(Duration.ofSeconds(5))).isTrue();
                everything.append(listener.failure).append('\n');
                if (listener.failure != null) {
                    everything.append(listener.failure.toException().getMessage()).append('\n');
                }
                fake.enqueueChat(answer);
                try {
                    TestAi.analysis(properties).chat(request);
                } catch (RuntimeException e) {
                    AiFailure failure = AiErrorClassifier.classify(e);
                    everything.append(failure).append(failure.toException().getMessage()).append('\n');
                }
                fake.reset();
            }
            fake.requireApiKey("another-key");
            ModelStatusService statuses = new ModelStatusService(properties);
            everything.append(statuses.status()).append('\n');
            everything.append(new ModelHealthIndicator(statuses, properties).health()).append('\n');
        } finally {
            root.detachAppender(captured);
            root.setLevel(rootLevel);
            scheduler.shutdownNow();
        }
        for (ILoggingEvent event : captured.list) {
            everything.append(event.getFormattedMessage()).append('\n');
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                everything.append(t.getMessage()).append('\n');
                for (StackTraceElementProxy frame : t.getStackTraceElementProxyArray()) {
                    everything.append(frame.getSTEAsString()).append('\n');
                }
            }
        }

        assertThat(captured.list).isNotEmpty();
        assertThat(everything.toString()).contains("****").doesNotContain(KEY);
    }

    @Test
    void toStringMasksTheKey() {
        AiProperties properties = TestAi.properties("http://localhost:11434", KEY, Duration.ofSeconds(1));

        assertThat(properties.toString()).doesNotContain(KEY).contains("apiKey=****");
        assertThat(TestAi.properties("http://localhost:11434").toString()).contains("apiKey=none");
    }

    @Test
    void anExceptionFromTheModelDoesNotCarryTheKeyEither() {
        try (FakeOllama fake = FakeOllama.start()) {
            fake.enqueueChat(Answer.httpError(401, "key " + KEY + " is not valid"));
            AiProperties properties = TestAi.properties(fake.baseUrl(), KEY, Duration.ofSeconds(2));
            ChatRequest request = ChatRequest.builder().messages(UserMessage.from("hello")).build();

            assertThatThrownBy(() -> TestAi.analysis(properties).chat(request)).satisfies(e -> {
                AiFailure failure = AiErrorClassifier.classify(e);
                assertThat(failure.reason()).isEqualTo(AiFailureReason.AUTH);
                assertThat(failure.detail()).doesNotContain(KEY);
                assertThat(failure.toException().getMessage()).doesNotContain(KEY);
            });
        }
    }
}
