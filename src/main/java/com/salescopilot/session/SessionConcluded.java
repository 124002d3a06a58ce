package com.salescopilot.session;

/** Published when a session is concluded with an outcome. */
public record SessionConcluded(long sessionId, long ownerId, Outcome outcome) {
}
