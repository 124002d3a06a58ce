package com.salescopilot.analysis;

import java.util.List;
import java.util.Optional;

/**
 * The retrieval slot of the prompts: the knowledge module answers with the nuggets that fit the
 * session's latest turns (and the client's archetype once known), and the meta-rules in force.
 * Until it exists, nothing is retrieved.
 */
public interface KnowledgeRetriever {

    /**
     * @param query     the text to search for (the newest turns of the session)
     * @param archetype the client's archetype, or null while unknown
     * @param language  the session's language (pl/en)
     * @param limit     at most this many nuggets (meta-rules come on top)
     */
    List<RetrievedKnowledge> retrieve(String query, String archetype, String language, int limit);

    /**
     * As {@link #retrieve}, for a caller on a latency budget (the fast path): the knowledge base may leave
     * out a part of its search that is not ready in time rather than make the caller wait.
     */
    default List<RetrievedKnowledge> retrieveOnBudget(String query, String archetype, String language, int limit) {
        return retrieve(query, archetype, language, limit);
    }

    /**
     * Starts the part of a retrieval that needs only the query (embedding it) so that a
     * {@link #retrieve} of the same query soon after finds it done. Returns at once; never fails.
     */
    default void prepare(String query) {
    }

    /**
     * One nugget by the id the prompts showed (a "based on" chip opens it), archived ones included;
     * empty when there is no such nugget (or no knowledge base).
     */
    default Optional<RetrievedKnowledge> find(String id) {
        return Optional.empty();
    }

    /** One nugget or meta-rule as the prompts show it, with the id the analysis records as "based on". */
    record RetrievedKnowledge(String id, String type, String title, String content) {
    }
}
