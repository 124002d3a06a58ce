package com.salescopilot.analysis;

import java.util.Locale;

/** Where the fast answer of an interaction stands. */
public enum FastStatus {
    PENDING,
    STREAMING,
    DONE,
    FAILED,
    CANCELLED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean finished() {
        return this == DONE || this == FAILED || this == CANCELLED;
    }
}
