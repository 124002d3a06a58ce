package com.salescopilot.analysis;

import java.util.Locale;

/** Where the deep analysis of a session stands (pending = queued, maybe waiting to retry). */
public enum AnalysisStatus {
    NONE,
    PENDING,
    RUNNING,
    DONE,
    FAILED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
