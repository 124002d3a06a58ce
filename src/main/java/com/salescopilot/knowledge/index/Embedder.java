package com.salescopilot.knowledge.index;

import java.util.List;

/**
 * The embedding model behind the knowledge base, whichever it is. Vectors come back with unit length, so
 * a dot product is the cosine similarity. {@link #model()} names the model (provider and name), which is
 * recorded with the index: another model means other vectors, and a re-index.
 */
public interface Embedder {

    String model();

    int dimension();

    float[] embed(String text);

    default List<float[]> embedAll(List<String> texts) {
        return texts.stream().map(this::embed).toList();
    }
}
