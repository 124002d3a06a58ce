package com.salescopilot.base;

import java.util.LinkedHashMap;
import java.util.Map;

/** The length rules shared by the UI and the API, in one place. */
public final class Texts {

    public static final int INTERACTION_MAX = 8000;
    public static final int ALIAS_MAX = 120;
    public static final int NOTE_MAX = 4000;
    public static final int COMPETITOR_MAX = 120;

    private Texts() {
    }

    /** Collects field errors; throws them all at once so a form can show every problem together. */
    public static final class Check {
        private final Map<String, String> errors = new LinkedHashMap<>();

        public String required(String field, String value, int max) {
            String trimmed = TextNormalizer.trimToNull(value);
            if (trimmed == null) {
                errors.put(field, "must not be empty");
            } else if (trimmed.length() > max) {
                errors.put(field, "must be at most " + max + " characters (got " + trimmed.length() + ")");
            }
            return trimmed;
        }

        public String optional(String field, String value, int max) {
            String trimmed = TextNormalizer.trimToNull(value);
            if (trimmed != null && trimmed.length() > max) {
                errors.put(field, "must be at most " + max + " characters (got " + trimmed.length() + ")");
            }
            return trimmed;
        }

        public void fail(String field, String message) {
            errors.put(field, message);
        }

        public void throwIfAny() {
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
        }
    }
}
