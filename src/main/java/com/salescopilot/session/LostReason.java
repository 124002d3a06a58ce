package com.salescopilot.session;

import java.util.Locale;

/** Why a client did not buy. */
public enum LostReason {
    PRICE,
    COMPETITOR,
    TIMING,
    FINANCING,
    PRODUCT_FIT,
    NO_RESPONSE,
    OTHER;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LostReason fromCode(String code) {
        return valueOf(code.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
