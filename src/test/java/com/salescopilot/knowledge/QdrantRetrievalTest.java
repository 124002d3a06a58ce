package com.salescopilot.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.salescopilot.knowledge.index.FakeQdrant;
import com.salescopilot.knowledge.index.QdrantVectorIndex;
import com.salescopilot.knowledge.index.VectorIndex;
import com.salescopilot.support.IntegrationTest;
import io.qdrant.client.grpc.Collections.CollectionInfo;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.JsonWithInt;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The retrieval suite against Qdrant through langchain4j-qdrant, on an in-process gRPC fake of Qdrant's
 * Collections and Points services; plus what only Qdrant has: the collection created with the model's
 * dimension and cosine distance, the payload, and a failed write (Qdrant down) that keeps the nugget,
 * shows in health and is retried.
 */
@IntegrationTest
@TestPropertySource(properties = "copilot.knowledge.index-retry-interval=300ms")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class QdrantRetrievalTest extends RetrievalSuite {

    static final String COLLECTION = "test_knowledge";
    static final FakeQdrant QDRANT = new FakeQdrant();

    @TestConfiguration
    static class UseQdrant {
        @Bean
        @Primary
        VectorIndex qdrantIndex() {
            return new QdrantVectorIndex(QDRANT.client(), COLLECTION, Duration.ofSeconds(5));
        }
    }

    @AfterAll
    static void stop() {
        QDRANT.close();
    }

    @Autowired
    Map<String, HealthIndicator> health;

    @Override
    String indexName() {
        return "qdrant";
    }

    @Test
    void theCollectionHasTheModelsDimensionCosineDistanceAndThePayload() throws Exception {
        CollectionInfo info = QDRANT.client().getCollectionInfoAsync(COLLECTION).get();
        var params = info.getConfig().getParams().getVectorsConfig().getParams();
        assertThat(params.getSize()).isEqualTo(indexer.embedder().dimension()).isEqualTo(384);
        assertThat(params.getDistance()).isEqualTo(Distance.Cosine);

        Nugget n = knowledge.create(manager, new NuggetInput(NuggetType.PRICING, "Qdrant payload",
                "Cena promocyjna do końca miesiąca.", List.of("promo"), List.of(), "pl", null));
        UUID point = UUID.nameUUIDFromBytes(("copilot-nugget-" + n.id()).getBytes(StandardCharsets.UTF_8));
        Map<String, JsonWithInt.Value> payload = QDRANT.payloadOf(COLLECTION, point);
        assertThat(payload.get("nugget_id").getStringValue()).isEqualTo(String.valueOf(n.id()));
        assertThat(payload.get("type").getStringValue()).isEqualTo("PRICING");
        assertThat(payload.get("status").getStringValue()).isEqualTo("ACTIVE");
        assertThat(payload.get("language").getStringValue()).isEqualTo("pl");
        assertThat(payload.get("tags").getStringValue()).isEqualTo("|promo|");
        knowledge.archive(manager, n.id());
        assertThat(QDRANT.payloadOf(COLLECTION, point).get("status").getStringValue()).isEqualTo("ARCHIVED");
    }

    @Test
    void aFailedIndexWriteKeepsTheNuggetShowsInHealthAndIsRetried() {
        String tag = "t" + UUID.randomUUID().toString().substring(0, 8);
        QDRANT.failing(true);
        Nugget n;
        try {
            n = knowledge.create(manager, new NuggetInput(NuggetType.PROCESS, "Odbiór auta w sobotę " + tag,
                    "Salon wydaje auta także w soboty od 9 do 14.", List.of(tag), List.of(), "pl", null));
            assertThat(knowledge.get(manager, n.id()).title()).startsWith("Odbiór auta"); // stored all the same
            var down = health.get("knowledgeIndex").health(true);
            assertThat(down.getStatus().getCode()).isEqualTo("DEGRADED");
            assertThat((Long) down.getDetails().get("failedWrites")).isPositive();
            assertThat(String.valueOf(down.getDetails().get("lastError"))).contains("Qdrant");
            // search still answers (full text) while the index is down
            assertThat(search.search("odbiór auta w sobotę", new KnowledgeFilter(Set.of(), Set.of(tag), null, null,
                    NuggetStatus.ACTIVE), 3)).extracting(h -> h.nugget().id()).containsExactly(n.id());
        } finally {
            QDRANT.failing(false);
        }
        long id = n.id();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(health.get("knowledgeIndex").health(true).getStatus().getCode()).isEqualTo("UP"));
        assertThat(search.search("odbiór auta w sobotę", new KnowledgeFilter(Set.of(), Set.of(tag), null, null,
                NuggetStatus.ACTIVE), 3, SearchMode.VECTOR)).extracting(h -> h.nugget().id()).containsExactly(id);
    }
}
