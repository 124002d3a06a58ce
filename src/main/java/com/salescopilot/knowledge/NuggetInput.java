package com.salescopilot.knowledge;

import java.util.List;

/**
 * What a user (or an import) gives for a nugget. Validated by {@link KnowledgeService}: title and
 * content required, content at most {@value KnowledgeService#CONTENT_MAX} characters, at most
 * {@value KnowledgeService#TAGS_MAX} tags.
 */
public record NuggetInput(NuggetType type, String title, String content, List<String> tags, List<String> archetypes,
                          String language, String source) {

    public NuggetInput {
        tags = tags == null ? List.of() : tags;
        archetypes = archetypes == null ? List.of() : archetypes;
    }

    public static NuggetInput of(Nugget n) {
        return new NuggetInput(n.type(), n.title(), n.content(), n.tags(), n.archetypes(), n.language(), n.source());
    }
}
