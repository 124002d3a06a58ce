package com.salescopilot.analysis;

import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The retrieval slot while no knowledge base is connected: nothing to add. */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class NoKnowledge implements KnowledgeRetriever {

    @Override
    public List<RetrievedKnowledge> retrieve(String query, String archetype, String language, int limit) {
        return List.of();
    }
}
