package com.salescopilot.ai;

/**
 * A failed model call: the reason (with its i18n key and English text for people), the HTTP status if
 * there was one, and a short technical detail that is safe to log and to store (no API key, no stack
 * trace, no request or prompt text).
 *
 * @param reason     why it failed
 * @param httpStatus the HTTP status of the model service's answer, or null
 * @param detail     short technical detail for logs and audit, e.g. "HTTP 500", "no data for 30s"
 */
public record AiFailure(AiFailureReason reason, Integer httpStatus, String detail) {

    public AiFailure {
        if (reason == null) {
            throw new IllegalArgumentException("reason is required");
        }
        detail = detail == null ? "" : Redaction.redact(detail);
    }

    public static AiFailure of(AiFailureReason reason, String detail) {
        return new AiFailure(reason, null, detail);
    }

    public String messageKey() {
        return reason.messageKey();
    }

    public String defaultMessage() {
        return reason.defaultMessage();
    }

    public boolean retryable() {
        return reason.retryable();
    }

    /** The exception form, for code that throws (the blocking analysis path). */
    public AiException toException() {
        return new AiException(this);
    }

    @Override
    public String toString() {
        return reason + (httpStatus == null ? "" : " (HTTP " + httpStatus + ")") + (detail.isEmpty() ? "" : ": " + detail);
    }
}
