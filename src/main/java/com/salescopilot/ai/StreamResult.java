package com.salescopilot.ai;

import java.time.Duration;

/**
 * A completed stream.
 *
 * @param text            the whole visible answer
 * @param thinking        the model's reasoning, or null (keep it for audit at most; never show it as the answer)
 * @param inputTokens     prompt tokens as Ollama counted them, or null
 * @param outputTokens    generated tokens (with reasoning), or null
 * @param finishReason    LangChain4j's finish reason ({@code STOP}, {@code LENGTH}, …), or null
 * @param firstTokenAfter time from the start to the first answer token, or null if it came all at once
 * @param totalTime       time from the start to the end
 */
public record StreamResult(String text, String thinking, Integer inputTokens, Integer outputTokens,
                           String finishReason, Duration firstTokenAfter, Duration totalTime) {

    /** Whether the model stopped because it ran out of {@code max-output-tokens}. */
    public boolean truncated() {
        return "LENGTH".equals(finishReason);
    }
}
