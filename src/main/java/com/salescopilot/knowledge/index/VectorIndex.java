package com.salescopilot.knowledge.index;

import java.util.Collection;
import java.util.List;

/**
 * The vector index, whichever it is (embedded in memory, or Qdrant). It is derived from PostgreSQL and can
 * be wiped and rebuilt at any time ({@code KnowledgeIndexer.reindex}).
 */
public interface VectorIndex {

    /** {@code embedded} or {@code qdrant}, for health and logs. */
    String kind();

    /** Makes the index ready for vectors of this dimension; {@code wipe} empties it first. */
    void prepare(int dimension, boolean wipe);

    void upsert(List<VectorEntry> entries);

    void remove(Collection<Long> nuggetIds);

    List<VectorHit> search(VectorQuery query);

    long count();
}
