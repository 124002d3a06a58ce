package com.salescopilot.knowledge;

import com.salescopilot.analysis.KnowledgeRetriever;
import com.salescopilot.knowledge.domain.KnowledgeStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The knowledge base in the analysis prompts (the analysis module's retrieval port): the top nuggets for
 * the session's newest turns, through the archetype and language filters, and on top of them every
 * meta-rule in force (rules are not search results; they are cached and refreshed on every change).
 * Archived nuggets are never retrieved.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class KnowledgeRetrieval implements KnowledgeRetriever {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeRetrieval.class);
    private static final Duration META_RULES_TTL = Duration.ofSeconds(30);
    private static final Set<NuggetType> SEARCHED = EnumSet.complementOf(EnumSet.of(NuggetType.META_RULE));

    private final KnowledgeSearch search;
    private final KnowledgeStore store;
    private final KnowledgeProperties properties;
    private final Map<String, Cached> metaRules = new ConcurrentHashMap<>();

    private record Cached(List<Nugget> rules, long loadedAt) {
    }

    KnowledgeRetrieval(KnowledgeSearch search, KnowledgeStore store, KnowledgeService service,
                       KnowledgeProperties properties) {
        this.search = search;
        this.store = store;
        this.properties = properties;
        service.onChange(metaRules::clear);
    }

    @Override
    public List<RetrievedKnowledge> retrieve(String query, String archetype, String language, int limit) {
        return retrieve(query, archetype, language, limit, null);
    }

    @Override
    public List<RetrievedKnowledge> retrieveOnBudget(String query, String archetype, String language, int limit) {
        return retrieve(query, archetype, language, limit, properties.search().fastPathVectorWait());
    }

    private List<RetrievedKnowledge> retrieve(String query, String archetype, String language, int limit,
                                              Duration vectorWait) {
        List<RetrievedKnowledge> out = new ArrayList<>();
        try {
            for (Nugget rule : metaRules(language)) {
                out.add(of(rule));
            }
            KnowledgeFilter filter = new KnowledgeFilter(SEARCHED, Set.of(), archetype, language, NuggetStatus.ACTIVE);
            for (SearchHit hit : search.search(query, filter, limit, SearchMode.HYBRID, vectorWait)) {
                out.add(of(hit.nugget()));
            }
        } catch (RuntimeException e) {
            // the answer goes on without knowledge rather than not at all
            log.warn("Knowledge retrieval failed; the prompt goes without it: {}", e.getMessage());
        }
        return out;
    }

    @Override
    public void prepare(String query) {
        search.prepare(query);
    }

    @Override
    public Optional<RetrievedKnowledge> find(String id) {
        long nuggetId = Nugget.idOfRef(id);
        return nuggetId < 0 ? Optional.empty() : store.find(nuggetId).map(KnowledgeRetrieval::of);
    }

    private List<Nugget> metaRules(String language) {
        String key = language == null ? "" : language;
        Cached cached = metaRules.get(key);
        long now = System.nanoTime();
        if (cached == null || now - cached.loadedAt() > META_RULES_TTL.toNanos()) {
            cached = new Cached(store.metaRules(language == null || language.isBlank() ? null : language), now);
            metaRules.put(key, cached);
        }
        return cached.rules();
    }

    private static RetrievedKnowledge of(Nugget n) {
        return new RetrievedKnowledge(n.ref(), n.type().code(), n.title(), n.content());
    }
}
