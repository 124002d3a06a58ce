package com.salescopilot.analysis;

import com.salescopilot.analysis.ai.KnowledgeSnippet;
import com.salescopilot.analysis.ai.Turn;
import java.util.List;

/** The retrieval query both paths send: the newest turns, and the client's archetype once known. */
final class Retrieval {

    private Retrieval() {
    }

    /** The text searched for: the newest {@code newestTurns} turns, one per line. */
    /** The client's archetype by the profile, or null while unknown. */
    static String archetypeOf(AnalysisResult profile) {
        return profile == null || profile.strategy() == null ? null : profile.strategy().archetype();
    }

    static String query(List<Turn> turns, int newestTurns) {
        StringBuilder query = new StringBuilder();
        for (int i = Math.max(0, turns.size() - newestTurns); i < turns.size(); i++) {
            query.append(turns.get(i).text()).append('\n');
        }
        return query.toString().strip();
    }

    static List<KnowledgeSnippet> snippets(KnowledgeRetriever retriever, List<Turn> turns, int newestTurns,
                                           AnalysisResult profile, String language, int limit) {
        return snippets(retriever, query(turns, newestTurns), archetypeOf(profile), language, limit, false);
    }

    /** @param onBudget the caller is on a latency budget (the fast path): see {@link KnowledgeRetriever#retrieveOnBudget} */
    static List<KnowledgeSnippet> snippets(KnowledgeRetriever retriever, String query, String archetype,
                                           String language, int limit, boolean onBudget) {
        return (onBudget ? retriever.retrieveOnBudget(query, archetype, language, limit)
                : retriever.retrieve(query, archetype, language, limit)).stream()
                .map(k -> new KnowledgeSnippet(k.id(), k.type(), k.title(), k.content())).toList();
    }
}
