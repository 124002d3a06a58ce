package com.salescopilot.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first administrator, created on the first start when no user with this name exists
 * ({@code COPILOT_ADMIN_USERNAME}, {@code COPILOT_ADMIN_PASSWORD}). Without a password one is
 * generated and logged once.
 */
@ConfigurationProperties("copilot.admin")
public record AdminProperties(@DefaultValue("admin") String username, String password,
                              @DefaultValue("Administrator") String displayName) {
}
