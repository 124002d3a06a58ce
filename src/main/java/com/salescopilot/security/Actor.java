package com.salescopilot.security;

import org.springframework.security.access.AccessDeniedException;

/**
 * Who is acting. Services take it explicitly (there is no security context on worker threads) and
 * filter every query by it.
 */
public record Actor(long userId, String username, Role role) {

    public boolean seesEveryone() {
        return role.seesEveryone();
    }

    /** True when this actor may see data owned by {@code ownerId}. */
    public boolean canSee(long ownerId) {
        return seesEveryone() || ownerId == userId;
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public void requireAdmin() {
        if (role != Role.ADMIN) {
            throw new AccessDeniedException("Only an administrator may do this");
        }
    }

    public void requireManagerOrAdmin() {
        if (role == Role.SELLER) {
            throw new AccessDeniedException("Only a manager or an administrator may do this");
        }
    }
}
