package com.salescopilot.base;

import java.util.Map;

/**
 * Input that breaks a rule of the domain. Carries one message per field so forms can show them
 * next to the field and the API can list them in the problem details.
 */
public class InvalidInputException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public InvalidInputException(String field, String message) {
        this(Map.of(field, message));
    }

    public InvalidInputException(Map<String, String> fieldErrors) {
        super(String.join("; ", fieldErrors.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue()).sorted().toList()));
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
