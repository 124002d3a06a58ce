package com.salescopilot.knowledge;

import com.salescopilot.knowledge.index.KnowledgeIndexer;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The knowledge index in {@code /actuator/health} (component {@code knowledgeIndex}): which index and
 * embedding model, how many vectors, and the index writes still to do. Failed writes (retried in the
 * background) or an index that could not start report the custom status {@code DEGRADED}: the overall
 * health stays UP (search falls back to full text, no nugget is lost), while admins see the details.
 */
@Component("knowledgeIndex")
class KnowledgeIndexHealth implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "Some knowledge index writes failed; they are retried");

    private final KnowledgeIndexer indexer;

    KnowledgeIndexHealth(KnowledgeIndexer indexer) {
        this.indexer = indexer;
    }

    @Override
    public Health health() {
        KnowledgeIndexer.IndexHealth h = indexer.health();
        Health.Builder health = h.ready() && h.failedWrites() == 0 ? Health.up() : Health.status(DEGRADED);
        return health.withDetail("index", h.index())
                .withDetail("embeddingModel", h.model())
                .withDetail("dimension", h.dimension())
                .withDetail("vectors", h.vectors())
                .withDetail("pendingWrites", h.pendingWrites())
                .withDetail("failedWrites", h.failedWrites())
                .withDetail("lastError", h.lastError() == null ? "" : h.lastError())
                .build();
    }
}
