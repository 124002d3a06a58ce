package com.salescopilot.base;

/** The request is valid but the current state does not allow it (closed session, stale edit, taken name). */
public class ConflictException extends RuntimeException {

    private final String messageKey;

    public ConflictException(String messageKey, String message) {
        super(message);
        this.messageKey = messageKey;
    }

    /** i18n key the UI shows instead of the English message. */
    public String messageKey() {
        return messageKey;
    }
}
