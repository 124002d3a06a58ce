package com.salescopilot.ai;

/**
 * Why a model call failed, in terms a person understands. Each reason has an i18n key (for the UI's
 * translations) and an English default text; neither ever contains technical details or secrets.
 */
public enum AiFailureReason {
    /** No answer (or no further part of it) within the configured time. */
    TIMEOUT("ai.error.timeout", "The model did not answer in time."),
    /** The model service could not be reached at all (connection refused, unknown host, connect timeout). */
    UNREACHABLE("ai.error.unreachable", "The model service cannot be reached."),
    /** The connection broke off before the answer was complete. */
    CONNECTION_CLOSED("ai.error.connection-closed",
            "The connection to the model broke off before the answer was complete."),
    /** HTTP 429: too many requests for the model service right now. */
    RATE_LIMITED("ai.error.rate-limited", "The model service is busy right now. Try again in a moment."),
    /** HTTP 401/403: the API key is missing or was rejected. */
    AUTH("ai.error.auth", "The model service rejected the API key. Ask an administrator to check it."),
    /** HTTP 404: the configured model is not on the model service. */
    MODEL_NOT_FOUND("ai.error.model-not-found", "The configured model is not available on the model service."),
    /** Any other HTTP error (5xx, 400, …). */
    HTTP_ERROR("ai.error.http", "The model service reported an error."),
    /** The model finished but its answer was empty (for example: it only reasoned and wrote nothing). */
    EMPTY_RESPONSE("ai.error.empty", "The model returned an empty answer."),
    /** The caller cancelled the request. */
    CANCELLED("ai.error.cancelled", "The request was cancelled."),
    /** Anything else. */
    OTHER("ai.error.other", "The model request failed.");

    private final String messageKey;
    private final String defaultMessage;

    AiFailureReason(String messageKey, String defaultMessage) {
        this.messageKey = messageKey;
        this.defaultMessage = defaultMessage;
    }

    /** The i18n key of the message for people, e.g. {@code ai.error.timeout}. */
    public String messageKey() {
        return messageKey;
    }

    /** The message for people in English, for when no translation is at hand. */
    public String defaultMessage() {
        return defaultMessage;
    }

    /** Whether trying again later may help (false for AUTH, MODEL_NOT_FOUND, CANCELLED). */
    public boolean retryable() {
        return this != AUTH && this != MODEL_NOT_FOUND && this != CANCELLED;
    }
}
