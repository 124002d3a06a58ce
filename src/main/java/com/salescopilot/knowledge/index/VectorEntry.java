package com.salescopilot.knowledge.index;

import java.util.List;

/** A nugget in the vector index: its vector and the payload the index filters on. */
public record VectorEntry(long nuggetId, float[] vector, String type, String status, String language,
                          List<String> tags, List<String> archetypes) {

    public VectorEntry {
        tags = tags == null ? List.of() : List.copyOf(tags);
        archetypes = archetypes == null ? List.of() : List.copyOf(archetypes);
    }
}
