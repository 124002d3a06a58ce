package com.salescopilot.analysis.queue;

public enum JobStatus {
    QUEUED,
    RUNNING,
    DONE,
    FAILED,
    SUPERSEDED
}
