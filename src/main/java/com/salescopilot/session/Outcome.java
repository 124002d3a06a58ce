package com.salescopilot.session;

import java.util.Locale;

/** How a session ended: the client bought, or did not. */
public enum Outcome {
    WON,
    LOST;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Outcome fromCode(String code) {
        return valueOf(code.strip().toUpperCase(Locale.ROOT));
    }
}
