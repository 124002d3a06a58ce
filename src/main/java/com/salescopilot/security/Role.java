package com.salescopilot.security;

/** What a user may do: a seller works with their own data; a manager and an admin see everyone's. */
public enum Role {
    SELLER,
    MANAGER,
    ADMIN;

    public boolean seesEveryone() {
        return this != SELLER;
    }
}
