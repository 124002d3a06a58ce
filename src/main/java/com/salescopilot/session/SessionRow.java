package com.salescopilot.session;

import java.time.Instant;

/** One row of the dashboard. */
public record SessionRow(long id, long clientId, String clientAlias, long ownerId, String owner, SessionStatus status,
                         Outcome outcome, Instant createdAt, Instant lastActivityAt) {
}
