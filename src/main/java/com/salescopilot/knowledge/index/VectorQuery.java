package com.salescopilot.knowledge.index;

import java.util.Set;

/**
 * What a vector search looks for: the query vector, how many hits, and the filters (status exactly;
 * types, tags: any of them, empty = all; archetype and language: entries for it or for all, null = all).
 */
public record VectorQuery(float[] vector, int limit, String status, Set<String> types, Set<String> tags,
                          String archetype, String language) {
}
