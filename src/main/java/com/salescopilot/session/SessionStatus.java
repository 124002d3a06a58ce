package com.salescopilot.session;

import java.util.Locale;

public enum SessionStatus {
    ACTIVE,
    CLOSED;

    /** The value stored in the database and sent by the API. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SessionStatus fromCode(String code) {
        return valueOf(code.strip().toUpperCase(Locale.ROOT));
    }
}
