package com.salescopilot.session.domain;

import com.salescopilot.session.InteractionType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "interaction")
public class Interaction {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "session_id", nullable = false)
    private long sessionId;

    @Column(name = "owner_id", nullable = false)
    private long ownerId;

    @Column(name = "author_id", nullable = false)
    private long authorId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private InteractionType type;

    @Column(nullable = false, length = 8000)
    private String text;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Interaction() {
    }

    public Interaction(long sessionId, long ownerId, long authorId, InteractionType type, String text, Instant now) {
        this.sessionId = sessionId;
        this.ownerId = ownerId;
        this.authorId = authorId;
        this.type = type;
        this.text = text;
        this.createdAt = now;
    }

    public Long getId() { return id; }
    public long getSessionId() { return sessionId; }
    public long getOwnerId() { return ownerId; }
    public long getAuthorId() { return authorId; }
    public InteractionType getType() { return type; }
    public String getText() { return text; }
    public Instant getCreatedAt() { return createdAt; }
}
