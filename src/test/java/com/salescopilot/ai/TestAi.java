package com.salescopilot.ai;

import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** Builds the ai module's pieces outside Spring, against a fake Ollama, with short timeouts. */
final class TestAi {

    static final String MODEL = "gpt-oss:120b";

    private TestAi() {
    }

    static AiProperties properties(String baseUrl) {
        return properties(baseUrl, null, Duration.ofSeconds(5));
    }

    static AiProperties properties(String baseUrl, String apiKey, Duration timeout) {
        return new AiProperties(baseUrl, apiKey,
                new AiProperties.Fast(MODEL, ReasoningEffort.LOW, timeout, 256, 0.5, null),
                new AiProperties.Analysis(MODEL, ReasoningEffort.MEDIUM, timeout, 2048, null, null, 0),
                Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(5), Duration.ofSeconds(20),
                Duration.ofSeconds(2), Duration.ofSeconds(15));
    }

    static OllamaStreamingChatModel fast(AiProperties properties) {
        return new AiConfiguration().fastChatModel(properties);
    }

    static OllamaChatModel analysis(AiProperties properties) {
        return new AiConfiguration().analysisChatModel(properties);
    }

    static ScheduledExecutorService scheduler() {
        return Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("test-watchdog").factory());
    }

    static GuardedStreaming.Limits limits(Duration firstChunk, Duration idle, Duration total, Duration notice) {
        return new GuardedStreaming.Limits(firstChunk, idle, total, notice);
    }
}
