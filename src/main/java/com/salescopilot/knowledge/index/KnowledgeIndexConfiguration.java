package com.salescopilot.knowledge.index;

import com.salescopilot.ai.AiProperties;
import com.salescopilot.knowledge.KnowledgeProperties;
import com.salescopilot.knowledge.domain.KnowledgeStore;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.ollama.OllamaEmbeddingModel;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import java.time.Clock;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedding model and the vector index, chosen by {@code copilot.knowledge.*}: in-process
 * all-minilm-l6-v2-q or an Ollama embedding model; Qdrant when {@code copilot.knowledge.qdrant.host} is
 * set, otherwise the embedded index.
 */
@Configuration(proxyBeanMethods = false)
class KnowledgeIndexConfiguration {

    static final String IN_PROCESS_MODEL = "in-process/all-minilm-l6-v2-q";

    @Bean
    Embedder knowledgeEmbedder(KnowledgeProperties properties, AiProperties ai) {
        KnowledgeProperties.Embedding embedding = properties.embedding();
        if (!embedding.ollama()) {
            return new LangChainEmbedder(new InProcessEmbeddingModel(), IN_PROCESS_MODEL);
        }
        boolean ownUrl = embedding.baseUrl() != null && !embedding.baseUrl().isBlank();
        var builder = OllamaEmbeddingModel.builder()
                .baseUrl(ownUrl ? embedding.baseUrl() : ai.baseUrl())
                .modelName(embedding.model())
                .timeout(embedding.timeout())
                .maxRetries(1);
        if (!ownUrl && ai.apiKey() != null && !ai.apiKey().isBlank()) {
            builder.customHeaders(Map.of("Authorization", "Bearer " + ai.apiKey()));
        }
        EmbeddingModel model = builder.build();
        return new LangChainEmbedder(model, "ollama/" + embedding.model());
    }

    @Bean(destroyMethod = "")
    VectorIndex knowledgeVectorIndex(KnowledgeProperties properties) {
        KnowledgeProperties.Qdrant qdrant = properties.qdrant();
        if (!qdrant.enabled()) {
            return new InMemoryVectorIndex();
        }
        QdrantGrpcClient.Builder grpc = QdrantGrpcClient.newBuilder(qdrant.host(), qdrant.port(), qdrant.useTls())
                .withTimeout(qdrant.timeout());
        if (qdrant.apiKey() != null && !qdrant.apiKey().isBlank()) {
            grpc.withApiKey(qdrant.apiKey());
        }
        return new QdrantVectorIndex(new QdrantClient(grpc.build()), qdrant.collection(), qdrant.timeout());
    }

    @Bean
    KnowledgeIndexer knowledgeIndexer(KnowledgeStore store, Embedder embedder, VectorIndex index,
                                      KnowledgeProperties properties, Clock clock) {
        return new KnowledgeIndexer(store, embedder, index, properties, clock);
    }
}
