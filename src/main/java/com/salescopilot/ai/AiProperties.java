package com.salescopilot.ai;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Model access settings ({@code copilot.ai.*}; environment variables by relaxed binding, e.g.
 * {@code COPILOT_AI_BASE_URL}, {@code COPILOT_AI_API_KEY}, {@code COPILOT_AI_FAST_MODEL},
 * {@code COPILOT_AI_ANALYSIS_REASONING_EFFORT}). The defaults run against a local Ollama.
 *
 * @param baseUrl           Ollama's HTTP API: a local Ollama or Ollama's cloud ({@code https://ollama.com})
 * @param apiKey            optional; sent as {@code Authorization: Bearer <key>}; never printed
 * @param fast              the fast path (streamed quick response and questions)
 * @param analysis          the slow path (structured deep analysis)
 * @param connectTimeout    opening a connection to the model service
 * @param firstTokenNotice  after this long without a first token the cockpit says so (and keeps waiting)
 * @param streamIdleTimeout a stream that has started but sends nothing for this long is given up
 * @param streamTotalTimeout a stream that has not finished after this long is given up
 * @param healthTimeout     the {@code /api/tags} check of the health indicator and the model status
 * @param statusCacheTtl    how long a model status check is reused
 */
@Validated
@ConfigurationProperties("copilot.ai")
public record AiProperties(
        @DefaultValue("http://localhost:11434") @NotBlank @Pattern(regexp = "https?://\\S+") String baseUrl,
        String apiKey,
        @DefaultValue @Valid @NotNull Fast fast,
        @DefaultValue @Valid @NotNull Analysis analysis,
        @DefaultValue("5s") @NotNull @DurationMin(millis = 10) Duration connectTimeout,
        @DefaultValue("4s") @NotNull @DurationMin(millis = 10) Duration firstTokenNotice,
        @DefaultValue("30s") @NotNull @DurationMin(millis = 10) Duration streamIdleTimeout,
        @DefaultValue("180s") @NotNull @DurationMin(millis = 10) Duration streamTotalTimeout,
        @DefaultValue("3s") @NotNull @DurationMin(millis = 10) Duration healthTimeout,
        @DefaultValue("15s") @NotNull Duration statusCacheTtl) {

    public AiProperties {
        baseUrl = baseUrl == null ? null : baseUrl.strip().replaceAll("/+$", "");
        apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
    }

    /**
     * The fast path: streamed, plain text.
     *
     * @param model           Ollama model name
     * @param reasoningEffort gpt-oss reasoning effort (low keeps the first token early)
     * @param timeout         until the first byte of the answer (includes loading the model)
     * @param maxOutputTokens Ollama's {@code num_predict}; with thinking models it includes the reasoning tokens
     * @param temperature     null: the model's own default
     * @param contextWindow   Ollama's {@code num_ctx}; null: the server's default
     */
    public record Fast(
            @DefaultValue("gpt-oss:120b") @NotBlank String model,
            @DefaultValue("low") @NotNull ReasoningEffort reasoningEffort,
            @DefaultValue("60s") @NotNull @DurationMin(millis = 10) Duration timeout,
            @DefaultValue("2048") @Min(16) int maxOutputTokens,
            @DecimalMin("0.0") @DecimalMax("2.0") Double temperature,
            @Min(512) Integer contextWindow) {
    }

    /**
     * The slow path: one blocking call with a JSON schema in Ollama's {@code format} field.
     *
     * @param model           Ollama model name
     * @param reasoningEffort gpt-oss reasoning effort
     * @param timeout         until the whole answer is there (Ollama sends it in one piece)
     * @param maxOutputTokens Ollama's {@code num_predict}; includes the reasoning tokens
     * @param temperature     null: the model's own default
     * @param contextWindow   Ollama's {@code num_ctx}; null: the server's default
     * @param maxRetries      LangChain4j's own retries of a failed call (the analysis queue retries with
     *                        backoff itself, so 0 by default: a timeout is not tripled)
     */
    public record Analysis(
            @DefaultValue("gpt-oss:120b") @NotBlank String model,
            @DefaultValue("medium") @NotNull ReasoningEffort reasoningEffort,
            @DefaultValue("300s") @NotNull @DurationMin(millis = 10) Duration timeout,
            @DefaultValue("16384") @Min(16) int maxOutputTokens,
            @DecimalMin("0.0") @DecimalMax("2.0") Double temperature,
            @Min(512) Integer contextWindow,
            @DefaultValue("0") @Min(0) @Max(5) int maxRetries) {
    }

    /** Whether an API key is configured (it is then sent as a bearer token). */
    public boolean hasApiKey() {
        return apiKey != null;
    }

    @Override
    public String toString() {
        return "AiProperties[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "none" : "****")
                + ", fast=" + fast + ", analysis=" + analysis + ", connectTimeout=" + connectTimeout
                + ", firstTokenNotice=" + firstTokenNotice + ", streamIdleTimeout=" + streamIdleTimeout
                + ", streamTotalTimeout=" + streamTotalTimeout + ", healthTimeout=" + healthTimeout
                + ", statusCacheTtl=" + statusCacheTtl + "]";
    }
}
