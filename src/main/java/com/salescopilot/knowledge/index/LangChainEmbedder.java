package com.salescopilot.knowledge.index;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.List;

/** An {@link Embedder} over a LangChain4j {@link EmbeddingModel} (in-process or Ollama). */
public final class LangChainEmbedder implements Embedder {

    private final EmbeddingModel model;
    private final String name;
    private volatile int dimension;

    public LangChainEmbedder(EmbeddingModel model, String name) {
        this.model = model;
        this.name = name;
    }

    @Override
    public String model() {
        return name;
    }

    @Override
    public int dimension() {
        int known = dimension;
        if (known == 0) {
            // an Ollama model's dimension is only known after one call
            known = embed("dimension").length;
        }
        return known;
    }

    @Override
    public float[] embed(String text) {
        float[] vector = Vectors.normalized(model.embed(text == null || text.isBlank() ? "-" : text).content().vector());
        dimension = vector.length;
        return vector;
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<TextSegment> segments = texts.stream().map(t -> TextSegment.from(t == null || t.isBlank() ? "-" : t)).toList();
        List<Embedding> embeddings = model.embedAll(segments).content();
        List<float[]> out = embeddings.stream().map(e -> Vectors.normalized(e.vector())).toList();
        dimension = out.getFirst().length;
        return out;
    }
}
