package com.salescopilot.knowledge;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The knowledge base's settings ({@code copilot.knowledge.*}). Every default runs locally without a
 * service: in-process embeddings and the embedded vector index.
 */
@ConfigurationProperties("copilot.knowledge")
public record KnowledgeProperties(
        @DefaultValue Embedding embedding,
        @DefaultValue Qdrant qdrant,
        @DefaultValue Search search,
        @DefaultValue("10s") Duration indexRetryInterval) {

    /**
     * @param provider {@code in-process} (all-minilm-l6-v2-q, no service needed) or {@code ollama}
     * @param model    the Ollama embedding model (ignored in-process)
     * @param baseUrl  Ollama's URL; empty: {@code copilot.ai.base-url} (with its API key)
     */
    public record Embedding(@DefaultValue("in-process") String provider, @DefaultValue("bge-m3") String model,
                            String baseUrl, @DefaultValue("60s") Duration timeout) {

        public Embedding {
            if (!"in-process".equals(provider) && !"ollama".equals(provider)) {
                throw new IllegalArgumentException(
                        "copilot.knowledge.embedding.provider must be 'in-process' or 'ollama', not '" + provider + "'");
            }
        }

        public boolean ollama() {
            return "ollama".equals(provider);
        }
    }

    /** Qdrant is used when {@code host} is set; otherwise the embedded index. */
    public record Qdrant(String host, @DefaultValue("6334") int port, @DefaultValue("false") boolean useTls,
                         String apiKey, @DefaultValue("copilot_knowledge") String collection,
                         @DefaultValue("10s") Duration timeout) {

        public boolean enabled() {
            return host != null && !host.isBlank();
        }
    }

    /**
     * @param candidates          how many hits each signal contributes before fusion
     * @param rrfK                the k of reciprocal rank fusion (1 / (k + rank))
     * @param vectorWeight        the vector signal's weight in the fusion (the full-text signal's is 1). The
     *                            default in-process model is English-only, so its similarities on Polish text
     *                            are weaker evidence than a full-text match; with a multilingual model
     *                            (Ollama) raise it towards 1. Defaults measured in docs/benchmarks.md.
     * @param textScanLimit       at most this many full-text matches are ranked per search (bounds the cost
     *                            of a broad query over a large base)
     * @param fastPathVectorWait  how long the fast path's retrieval waits for the vector signal once the
     *                            full-text signal is in; later, the fast answer goes with full text alone (the
     *                            deep analysis always uses both). 0 (the default): the fast path searches full
     *                            text only and embeds nothing, since embedding a turn in-process costs ~8 ms of
     *                            CPU that the 20 ms budget cannot spare on two cores. Decision 0009.
     */
    public record Search(@DefaultValue("10") int candidates, @DefaultValue("5") int rrfK,
                         @DefaultValue("0.5") double vectorWeight, @DefaultValue("1000") int textScanLimit,
                         @DefaultValue("0ms") Duration fastPathVectorWait) {
    }

    public KnowledgeProperties {
        if (search.candidates() < 1 || search.candidates() > 1000) {
            throw new IllegalArgumentException("copilot.knowledge.search.candidates must be between 1 and 1000");
        }
    }
}
