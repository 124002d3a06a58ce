package com.salescopilot.ai;

/**
 * A model call failed for the given {@link AiFailure}. The message is the English text for people plus
 * the safe technical detail; there is no cause attached, so no stack trace of the HTTP layer (which could
 * carry request details) travels further.
 */
public class AiException extends RuntimeException {

    private final transient AiFailure failure;

    public AiException(AiFailure failure) {
        super(failure.defaultMessage() + " [" + failure + "]", null, false, false);
        this.failure = failure;
    }

    public AiFailure failure() {
        return failure;
    }

    public AiFailureReason reason() {
        return failure.reason();
    }
}
