package com.salescopilot.security;

import java.time.Instant;

/** A user as other modules and the API see it (never the password hash). */
public record UserSummary(long id, String username, String displayName, Role role, boolean enabled,
                          String locale, Instant createdAt) {
}
