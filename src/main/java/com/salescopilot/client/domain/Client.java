package com.salescopilot.client.domain;

import com.salescopilot.base.TextNormalizer;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

@Entity
@Table(name = "client")
public class Client {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "owner_id", nullable = false)
    private long ownerId;

    @Column(nullable = false, length = 120)
    private String alias;

    @Column(name = "alias_norm", nullable = false, length = 120)
    private String aliasNorm;

    @Column(length = 4000)
    private String notes;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Client() {
    }

    public Client(long ownerId, String alias, String notes, Instant now) {
        this.ownerId = ownerId;
        this.createdAt = now;
        update(alias, notes, now);
    }

    public final void update(String alias, String notes, Instant now) {
        this.alias = alias;
        this.aliasNorm = TextNormalizer.fold(alias);
        this.notes = notes;
        this.updatedAt = now;
    }

    public Long getId() { return id; }
    public long getOwnerId() { return ownerId; }
    public String getAlias() { return alias; }
    public String getNotes() { return notes; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public long getVersion() { return version; }
}
