package com.salescopilot.knowledge.index;

import static dev.langchain4j.store.embedding.filter.MetadataFilterBuilder.metadataKey;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.filter.Filter;
import dev.langchain4j.store.embedding.qdrant.QdrantEmbeddingStore;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Collections.CollectionInfo;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.VectorParams;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The vector index in Qdrant, through LangChain4j's {@link QdrantEmbeddingStore} for points and the Qdrant
 * client for the collection (created if missing, with the model's dimension and cosine distance). Each
 * point's id is derived from the nugget id; its payload holds the nugget id, type, status, language, tags
 * and archetypes. Type, status and language are filtered in Qdrant; tags and archetypes are checked again
 * in PostgreSQL when the hits are read (the search asks for enough candidates).
 */
public final class QdrantVectorIndex implements VectorIndex {

    private static final Logger log = LoggerFactory.getLogger(QdrantVectorIndex.class);
    static final String ANY_LANGUAGE = "any";

    private final QdrantClient client;
    private final String collection;
    private final Duration timeout;
    private final QdrantEmbeddingStore store;

    public QdrantVectorIndex(QdrantClient client, String collection, Duration timeout) {
        this.client = client;
        this.collection = collection;
        this.timeout = timeout;
        this.store = QdrantEmbeddingStore.builder().client(client).collectionName(collection).build();
    }

    @Override
    public String kind() {
        return "qdrant";
    }

    @Override
    public void prepare(int dimension, boolean wipe) {
        boolean exists = await(client.collectionExistsAsync(collection));
        if (exists) {
            CollectionInfo info = await(client.getCollectionInfoAsync(collection));
            long size = info.getConfig().getParams().getVectorsConfig().getParams().getSize();
            if (wipe || size != dimension) {
                log.info("Qdrant collection '{}' ({} dimensions) is recreated for {} dimensions{}", collection, size,
                        dimension, wipe ? " (re-index)" : "");
                await(client.deleteCollectionAsync(collection));
                exists = false;
            }
        }
        if (!exists) {
            await(client.createCollectionAsync(collection,
                    VectorParams.newBuilder().setSize(dimension).setDistance(Distance.Cosine).build()));
        }
    }

    @Override
    public void upsert(List<VectorEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        List<String> ids = new ArrayList<>();
        List<Embedding> embeddings = new ArrayList<>();
        List<TextSegment> segments = new ArrayList<>();
        for (VectorEntry e : entries) {
            ids.add(pointId(e.nuggetId()).toString());
            embeddings.add(Embedding.from(e.vector()));
            Metadata metadata = new Metadata()
                    .put("nugget_id", String.valueOf(e.nuggetId()))
                    .put("type", e.type())
                    .put("status", e.status())
                    .put("language", e.language() == null ? ANY_LANGUAGE : e.language())
                    .put("tags", "|" + String.join("|", e.tags()) + "|")
                    .put("archetypes", "|" + String.join("|", e.archetypes()) + "|");
            segments.add(TextSegment.from("K" + e.nuggetId(), metadata));
        }
        store.addAll(ids, embeddings, segments);
    }

    @Override
    public void remove(Collection<Long> nuggetIds) {
        if (!nuggetIds.isEmpty()) {
            store.removeAll(nuggetIds.stream().map(id -> pointId(id).toString()).toList());
        }
    }

    @Override
    public List<VectorHit> search(VectorQuery query) {
        Filter filter = metadataKey("status").isEqualTo(query.status() == null ? "ACTIVE" : query.status());
        if (!query.types().isEmpty()) {
            filter = filter.and(metadataKey("type").isIn(query.types()));
        }
        if (query.language() != null) {
            filter = filter.and(metadataKey("language").isIn(List.of(query.language(), ANY_LANGUAGE)));
        }
        if (!query.tags().isEmpty()) {
            // tags and archetypes are stored as "|a|b|": any of the wanted tags, as a substring match
            // (Qdrant's text match without a full-text index on the field)
            Filter anyTag = null;
            for (String tag : query.tags()) {
                Filter one = metadataKey("tags").containsString("|" + tag + "|");
                anyTag = anyTag == null ? one : anyTag.or(one);
            }
            filter = filter.and(anyTag);
        }
        if (query.archetype() != null) {
            // entries for this archetype or for all (none named)
            filter = filter.and(metadataKey("archetypes").isEqualTo("||")
                    .or(metadataKey("archetypes").containsString("|" + query.archetype() + "|")));
        }
        List<EmbeddingMatch<TextSegment>> matches = store.search(EmbeddingSearchRequest.builder()
                .queryEmbedding(Embedding.from(query.vector())).maxResults(query.limit()).minScore(0.0)
                .filter(filter).build()).matches();
        List<VectorHit> hits = new ArrayList<>(matches.size());
        for (EmbeddingMatch<TextSegment> match : matches) {
            String id = match.embedded() == null ? null : match.embedded().metadata().getString("nugget_id");
            if (id != null) {
                // LangChain4j reports (cosine + 1) / 2; the index interface speaks cosine
                hits.add(new VectorHit(Long.parseLong(id), 2 * match.score() - 1));
            }
        }
        return hits;
    }

    @Override
    public long count() {
        return await(client.countAsync(collection));
    }

    /** A stable UUID per nugget (Qdrant point ids are UUIDs or unsigned integers). */
    static UUID pointId(long nuggetId) {
        return UUID.nameUUIDFromBytes(("copilot-nugget-" + nuggetId).getBytes(StandardCharsets.UTF_8));
    }

    private <T> T await(Future<T> future) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Qdrant", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Qdrant: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new IllegalStateException("Qdrant did not answer within " + timeout.toSeconds() + " s", e);
        }
    }
}
