package com.salescopilot.ai;

import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The model beans. There is exactly one {@link dev.langchain4j.model.chat.StreamingChatModel} (fast path)
 * and one {@link dev.langchain4j.model.chat.ChatModel} (slow path), so LangChain4j's {@code @AiService}
 * wires them automatically; inject them by type ({@link OllamaStreamingChatModel}, {@link OllamaChatModel}).
 */
@Configuration(proxyBeanMethods = false)
class AiConfiguration {

    /** Fast path: streamed, reasoning effort of {@code copilot.ai.fast}, reasoning chunks reported (they keep the watchdog quiet). */
    @Bean
    OllamaStreamingChatModel fastChatModel(AiProperties properties) {
        AiProperties.Fast fast = properties.fast();
        Redaction.registerSecret(properties.apiKey());
        return OllamaStreamingChatModel.builder()
                .baseUrl(properties.baseUrl())
                .modelName(fast.model())
                .httpClientBuilder(new OllamaHttpClient.Builder(fast.reasoningEffort(), properties.connectTimeout(),
                        fast.timeout()))
                .numPredict(fast.maxOutputTokens())
                .temperature(fast.temperature())
                .numCtx(fast.contextWindow())
                .returnThinking(true)
                .customHeaders(headers(properties))
                .logRequests(false)
                .logResponses(false)
                .build();
    }

    /** Slow path: one blocking call; a JSON schema in the request travels in Ollama's {@code format} field. */
    @Bean
    OllamaChatModel analysisChatModel(AiProperties properties) {
        AiProperties.Analysis analysis = properties.analysis();
        Redaction.registerSecret(properties.apiKey());
        return OllamaChatModel.builder()
                .baseUrl(properties.baseUrl())
                .modelName(analysis.model())
                .httpClientBuilder(new OllamaHttpClient.Builder(analysis.reasoningEffort(), properties.connectTimeout(),
                        analysis.timeout()))
                .numPredict(analysis.maxOutputTokens())
                .temperature(analysis.temperature())
                .numCtx(analysis.contextWindow())
                .returnThinking(true)
                .maxRetries(analysis.maxRetries())
                .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA)
                .customHeaders(headers(properties))
                .logRequests(false)
                .logResponses(false)
                .build();
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService aiWatchdogScheduler() {
        return Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("ai-watchdog").daemon().factory());
    }

    @Bean
    GuardedStreaming guardedStreaming(OllamaStreamingChatModel fastChatModel, AiProperties properties,
                                      ScheduledExecutorService aiWatchdogScheduler) {
        return new GuardedStreaming(fastChatModel, limits(properties), aiWatchdogScheduler);
    }

    @Bean
    ModelStatusService modelStatusService(AiProperties properties) {
        return new ModelStatusService(properties);
    }

    @Bean
    ModelHealthIndicator ollamaHealthIndicator(ModelStatusService modelStatusService, AiProperties properties) {
        return new ModelHealthIndicator(modelStatusService, properties);
    }

    static GuardedStreaming.Limits limits(AiProperties properties) {
        return new GuardedStreaming.Limits(properties.fast().timeout(), properties.streamIdleTimeout(),
                properties.streamTotalTimeout(), properties.firstTokenNotice());
    }

    /** The bearer header when a key is set; built per request so the key lives only in the properties. */
    static Supplier<Map<String, String>> headers(AiProperties properties) {
        if (!properties.hasApiKey()) {
            return Map::of;
        }
        return () -> Map.of("Authorization", "Bearer " + properties.apiKey());
    }
}
