package com.salescopilot.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.salescopilot.ai.fake.Answer;
import com.salescopilot.ai.fake.FakeOllama;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;

/**
 * Streams run side by side: their bodies are read on virtual threads, not on the common fork-join pool
 * (one thread on a two-core machine), where LangChain4j's own JDK client would read them one after another.
 */
class ConcurrentStreamsTest {

    @Test
    void sixStreamsOfOneSecondEachTakeAboutOneSecondTogether() throws Exception {
        ScheduledExecutorService scheduler = TestAi.scheduler();
        try (FakeOllama fake = FakeOllama.start()) {
            fake.defaultAnswer(r -> Answer.text("a b c d e f g h i j").tokensPerSecond(10));
            AiProperties properties = TestAi.properties(fake.baseUrl());
            GuardedStreaming streaming = new GuardedStreaming(TestAi.fast(properties), AiConfiguration.limits(properties),
                    scheduler);
            ChatRequest request = ChatRequest.builder().messages(UserMessage.from("x")).build();
            RecordingListener warmUp = new RecordingListener();
            streaming.stream(request, warmUp);
            assertThat(warmUp.await(Duration.ofSeconds(10))).isTrue();

            long start = System.nanoTime();
            List<RecordingListener> listeners = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                RecordingListener listener = new RecordingListener();
                listeners.add(listener);
                streaming.stream(request, listener);
            }
            for (RecordingListener listener : listeners) {
                assertThat(listener.await(Duration.ofSeconds(15))).isTrue();
                assertThat(listener.result).isNotNull();
            }
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertThat(millis).as("six 0.9 s streams side by side").isLessThan(2500);
        } finally {
            scheduler.shutdownNow();
        }
    }
}
