package com.salescopilot.session;

import com.salescopilot.client.ClientSummary;
import java.time.Instant;
import java.util.List;

/** A session with its client and its whole conversation in order. */
public record SessionDetails(long id, ClientSummary client, long ownerId, String owner, SessionStatus status,
                             OutcomeData outcomeData, String language, Instant createdAt, Instant lastActivityAt,
                             long version, List<InteractionView> interactions) {

    public boolean isClosed() {
        return status == SessionStatus.CLOSED;
    }
}
