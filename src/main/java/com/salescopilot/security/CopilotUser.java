package com.salescopilot.security;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The authenticated principal: Spring's user plus our id and role. */
public class CopilotUser extends User {

    private final long id;
    private final Role role;
    private final String displayName;

    public CopilotUser(long id, String username, String passwordHash, boolean enabled, Role role, String displayName) {
        super(username, passwordHash, enabled, true, true, true,
                List.of(new SimpleGrantedAuthority("ROLE_" + role.name())));
        this.id = id;
        this.role = role;
        this.displayName = displayName;
    }

    public long getId() { return id; }
    public Role getRole() { return role; }
    public String getDisplayName() { return displayName; }

    public Actor toActor() {
        return new Actor(id, getUsername(), role);
    }
}
