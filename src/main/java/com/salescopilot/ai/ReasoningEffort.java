package com.salescopilot.ai;

/**
 * How hard the model thinks before it answers, as sent in Ollama's {@code think} field.
 * gpt-oss takes the strings {@code "low"}, {@code "medium"}, {@code "high"} and cannot switch reasoning
 * off; other thinking models (qwen3, deepseek-r1) take {@code true}/{@code false}. {@link #DEFAULT}
 * leaves the field out so the server decides.
 */
public enum ReasoningEffort {
    LOW("low"),
    MEDIUM("medium"),
    HIGH("high"),
    /** {@code "think": true}: for thinking models that take a boolean. */
    ON(Boolean.TRUE),
    /** {@code "think": false}: for thinking models that take a boolean (gpt-oss ignores it). */
    OFF(Boolean.FALSE),
    /** No {@code think} field at all. */
    DEFAULT(null);

    private final Object wireValue;

    ReasoningEffort(Object wireValue) {
        this.wireValue = wireValue;
    }

    /** The JSON value of {@code think}: a String, a Boolean, or null for "leave it out". */
    public Object wireValue() {
        return wireValue;
    }
}
