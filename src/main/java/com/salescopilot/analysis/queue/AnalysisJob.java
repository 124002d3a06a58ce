package com.salescopilot.analysis.queue;

import java.time.Instant;

/** A row of analysis_job. */
public record AnalysisJob(long id, long sessionId, long interactionId, long ownerId, JobStatus status, int attempts,
                          int maxAttempts, Instant runAfter, String lockedBy, String errorCode, String errorMessage,
                          Instant createdAt, Instant startedAt, Instant finishedAt) {
}
