package com.salescopilot.security;

/** What an admin types to create a user. */
public record NewUser(String username, String password, String displayName, Role role, String locale) {
}
