package com.salescopilot.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Defaults that run locally, environment variables by relaxed binding, validation. */
class AiPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AiProperties.class)
    static class Config {
    }

    private static ApplicationContextRunner withEnvironment(Map<String, Object> variables) {
        return new ApplicationContextRunner()
                .withUserConfiguration(Config.class)
                .withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                        new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                                variables)));
    }

    @Test
    void defaultsRunAgainstALocalOllama() {
        withEnvironment(Map.of()).run(context -> {
            AiProperties properties = context.getBean(AiProperties.class);
            assertThat(properties.baseUrl()).isEqualTo("http://localhost:11434");
            assertThat(properties.apiKey()).isNull();
            assertThat(properties.fast().model()).isEqualTo("gpt-oss:120b");
            assertThat(properties.fast().reasoningEffort()).isEqualTo(ReasoningEffort.LOW);
            assertThat(properties.analysis().model()).isEqualTo("gpt-oss:120b");
            assertThat(properties.analysis().reasoningEffort()).isEqualTo(ReasoningEffort.MEDIUM);
            assertThat(properties.analysis().maxRetries()).isZero();
            assertThat(properties.firstTokenNotice()).isEqualTo(Duration.ofSeconds(4));
            assertThat(properties.statusCacheTtl()).isEqualTo(Duration.ofSeconds(15));
        });
    }

    @Test
    void environmentVariablesMapByRelaxedBinding() {
        withEnvironment(Map.of(
                "COPILOT_AI_BASE_URL", "https://ollama.com/",
                "COPILOT_AI_API_KEY", "the-key",
                "COPILOT_AI_FAST_MODEL", "gpt-oss:20b",
                "COPILOT_AI_FAST_REASONING_EFFORT", "medium",
                "COPILOT_AI_FAST_MAX_OUTPUT_TOKENS", "999",
                "COPILOT_AI_ANALYSIS_MODEL", "qwen3:32b",
                "COPILOT_AI_ANALYSIS_REASONING_EFFORT", "on",
                "COPILOT_AI_ANALYSIS_TIMEOUT", "2m",
                "COPILOT_AI_FIRST_TOKEN_NOTICE", "3s",
                "COPILOT_AI_STREAM_IDLE_TIMEOUT", "10s")).run(context -> {
            AiProperties properties = context.getBean(AiProperties.class);
            assertThat(properties.baseUrl()).isEqualTo("https://ollama.com");
            assertThat(properties.apiKey()).isEqualTo("the-key");
            assertThat(properties.fast().model()).isEqualTo("gpt-oss:20b");
            assertThat(properties.fast().reasoningEffort()).isEqualTo(ReasoningEffort.MEDIUM);
            assertThat(properties.fast().maxOutputTokens()).isEqualTo(999);
            assertThat(properties.analysis().model()).isEqualTo("qwen3:32b");
            assertThat(properties.analysis().reasoningEffort()).isEqualTo(ReasoningEffort.ON);
            assertThat(properties.analysis().timeout()).isEqualTo(Duration.ofMinutes(2));
            assertThat(properties.firstTokenNotice()).isEqualTo(Duration.ofSeconds(3));
            assertThat(properties.streamIdleTimeout()).isEqualTo(Duration.ofSeconds(10));
        });
    }

    @Test
    void aBlankKeyIsNoKey() {
        withEnvironment(Map.of("COPILOT_AI_API_KEY", "  ")).run(context ->
                assertThat(context.getBean(AiProperties.class).hasApiKey()).isFalse());
    }

    @Test
    void invalidValuesStopTheStartWithoutPrintingTheKey() {
        withEnvironment(Map.of("COPILOT_AI_BASE_URL", "ftp://somewhere", "COPILOT_AI_API_KEY", "hidden-key-42",
                "COPILOT_AI_FAST_MAX_OUTPUT_TOKENS", "1")).run(context -> {
            assertThat(context).hasFailed();
            String message = messages(context.getStartupFailure());
            assertThat(message).contains("baseUrl").contains("maxOutputTokens").doesNotContain("hidden-key-42");
        });
        withEnvironment(Map.of("COPILOT_AI_FAST_REASONING_EFFORT", "extreme")).run(context ->
                assertThat(context).hasFailed());
    }

    private static String messages(Throwable error) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            sb.append(t.getMessage()).append('\n');
        }
        return sb.toString();
    }
}
