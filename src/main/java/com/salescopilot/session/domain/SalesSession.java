package com.salescopilot.session.domain;

import com.salescopilot.session.Outcome;
import com.salescopilot.session.OutcomeData;
import com.salescopilot.session.SessionStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "sales_session")
public class SalesSession {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "client_id", nullable = false)
    private long clientId;

    @Column(name = "owner_id", nullable = false)
    private long ownerId;

    @Convert(converter = Codes.StatusConverter.class)
    @Column(nullable = false, length = 8)
    private SessionStatus status = SessionStatus.ACTIVE;

    @Convert(converter = Codes.OutcomeConverter.class)
    @Column(length = 8)
    private Outcome outcome;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "outcome_data", columnDefinition = "jsonb")
    private OutcomeData outcomeData;

    @Column(nullable = false, length = 8)
    private String language;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_activity_at", nullable = false)
    private Instant lastActivityAt;

    @Version
    private long version;

    protected SalesSession() {
    }

    public SalesSession(long clientId, long ownerId, String language, Instant now) {
        this.clientId = clientId;
        this.ownerId = ownerId;
        this.language = language;
        this.createdAt = now;
        this.lastActivityAt = now;
    }

    public void touch(Instant now) {
        this.lastActivityAt = now;
    }

    public void conclude(OutcomeData data, Outcome outcome, Instant now) {
        this.status = SessionStatus.CLOSED;
        this.outcome = outcome;
        this.outcomeData = data;
        this.lastActivityAt = now;
    }

    public Long getId() { return id; }
    public long getClientId() { return clientId; }
    public long getOwnerId() { return ownerId; }
    public SessionStatus getStatus() { return status; }
    public Outcome getOutcome() { return outcome; }
    public OutcomeData getOutcomeData() { return outcomeData; }
    public String getLanguage() { return language; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getLastActivityAt() { return lastActivityAt; }
    public long getVersion() { return version; }
    public boolean isClosed() { return status == SessionStatus.CLOSED; }
}
