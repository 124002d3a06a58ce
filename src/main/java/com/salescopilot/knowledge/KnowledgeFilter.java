package com.salescopilot.knowledge;

import java.util.List;
import java.util.Set;

/**
 * Filters of the list and the search. Empty sets and nulls filter nothing. {@code tags}: a nugget with any
 * of them. {@code archetype}: nuggets for that archetype or for all. {@code language}: nuggets in that
 * language or in any. {@code status}: null means active only.
 */
public record KnowledgeFilter(Set<NuggetType> types, Set<String> tags, String archetype, String language,
                              NuggetStatus status) {

    public KnowledgeFilter {
        types = types == null ? Set.of() : Set.copyOf(types);
        tags = tags == null ? Set.of() : Set.copyOf(tags.stream().map(KnowledgeService::normalizeTag)
                .filter(t -> !t.isEmpty()).toList());
        archetype = archetype == null || archetype.isBlank() ? null : archetype.strip();
        language = language == null || language.isBlank() ? null : language.strip().toLowerCase();
        status = status == null ? NuggetStatus.ACTIVE : status;
    }

    public static KnowledgeFilter active() {
        return new KnowledgeFilter(Set.of(), Set.of(), null, null, NuggetStatus.ACTIVE);
    }

    public static KnowledgeFilter of(List<NuggetType> types, List<String> tags) {
        return new KnowledgeFilter(types == null ? Set.of() : Set.copyOf(types),
                tags == null ? Set.of() : Set.copyOf(tags), null, null, NuggetStatus.ACTIVE);
    }

    public KnowledgeFilter withStatus(NuggetStatus newStatus) {
        return new KnowledgeFilter(types, tags, archetype, language, newStatus);
    }
}
