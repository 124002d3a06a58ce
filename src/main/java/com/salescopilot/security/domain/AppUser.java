package com.salescopilot.security.domain;

import com.salescopilot.security.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

@Entity
@Table(name = "app_user")
public class AppUser {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64)
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "display_name", nullable = false, length = 120)
    private String displayName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Role role;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(nullable = false, length = 8)
    private String locale = "pl";

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected AppUser() {
    }

    public AppUser(String username, String passwordHash, String displayName, Role role, String locale, Instant now) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.role = role;
        this.locale = locale;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public Long getId() { return id; }
    public String getUsername() { return username; }
    public String getPasswordHash() { return passwordHash; }
    public String getDisplayName() { return displayName; }
    public Role getRole() { return role; }
    public boolean isEnabled() { return enabled; }
    public String getLocale() { return locale; }
    public Instant getCreatedAt() { return createdAt; }

    public void changePassword(String hash, Instant now) { this.passwordHash = hash; this.updatedAt = now; }
    public void changeRole(Role role, Instant now) { this.role = role; this.updatedAt = now; }
    public void changeEnabled(boolean enabled, Instant now) { this.enabled = enabled; this.updatedAt = now; }
    public void changeLocale(String locale, Instant now) { this.locale = locale; this.updatedAt = now; }
    public void changeDisplayName(String name, Instant now) { this.displayName = name; this.updatedAt = now; }
}
