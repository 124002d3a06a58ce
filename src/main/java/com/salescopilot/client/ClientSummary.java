package com.salescopilot.client;

import java.time.Instant;

/** A client as the rest of the application sees it. */
public record ClientSummary(long id, String alias, String notes, long ownerId, Instant createdAt, Instant updatedAt,
                            long version) {
}
