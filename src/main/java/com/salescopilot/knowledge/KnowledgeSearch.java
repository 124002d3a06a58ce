package com.salescopilot.knowledge;

import com.salescopilot.knowledge.domain.KnowledgeStore;
import com.salescopilot.knowledge.domain.KnowledgeStore.TextRow;
import com.salescopilot.knowledge.index.Embedder;
import com.salescopilot.knowledge.index.KnowledgeIndexer;
import com.salescopilot.knowledge.index.VectorHit;
import com.salescopilot.knowledge.index.VectorQuery;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Hybrid search: the vector signal (the query embedded once, searched in the vector index) and the
 * full-text signal (PostgreSQL 'simple' text search over unaccented text with stem prefixes, plus trigram
 * similarity of titles) fused by reciprocal rank fusion: score = Σ 1 / (k + rank). The two signals are
 * computed at the same time (the vector one on a thread of its own, the text one in PostgreSQL); then one
 * read by primary key brings every candidate through the filters, so the index never decides alone what
 * is shown (an archived or filtered-out nugget is never returned). If the vector index is not
 * available, the text signal answers alone.
 */
@Service
public class KnowledgeSearch implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeSearch.class);
    public static final int MAX_LIMIT = 50;
    /**
     * Runs the vector signal (embedding, scan): CPU-bound work, a good part of it in native code, so on
     * platform threads (on a virtual thread it would hold one of the few carrier threads for its whole
     * length, ~5–10 ms, and stall every other virtual thread behind it), as many as there are cores, with
     * a bounded queue: when it is full, the search goes on with the text signal alone.
     */
    private static final ExecutorService SIGNALS = signalPool();

    public static final String SKIPPED_METRIC = "copilot.knowledge.vector.skipped";
    /** How long a prepared query vector waits for its search before it is dropped. */
    private static final long PREPARED_TTL_NANOS = 60_000_000_000L;
    private static final int MAX_PREPARED = 256;

    private final KnowledgeStore store;
    private final KnowledgeIndexer indexer;
    private final KnowledgeProperties properties;
    /** Searches that went without the vector signal because it was not ready in time. */
    private final AtomicLong skipped = new AtomicLong();
    /** Query vectors started by {@link #prepare} and not yet used, by query text. */
    private final Map<String, Prepared> prepared = new ConcurrentHashMap<>();

    private record Prepared(Embedder embedder, CompletableFuture<float[]> vector, long startedAt) {
    }

    KnowledgeSearch(KnowledgeStore store, KnowledgeIndexer indexer, KnowledgeProperties properties) {
        this.store = store;
        this.indexer = indexer;
        this.properties = properties;
    }

    private static ExecutorService signalPool() {
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(256), Thread.ofPlatform().daemon().name("knowledge-signal-", 0).factory(),
                new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** How many searches went without the vector signal because it was not ready in time (since start). */
    public long vectorSignalsSkipped() {
        return skipped.get();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder(SKIPPED_METRIC, skipped, AtomicLong::get)
                .description("Searches on a latency budget that went without the vector signal (not ready in time)")
                .register(registry);
    }

    /**
     * Starts embedding a query that will be searched soon (the fast path calls it while the interaction
     * is still being stored), so that the search finds its vector ready. Unused vectors (an interaction
     * that rolled back, a search that never came) are swept after a minute; at most 256 are kept. Never
     * fails: when the vector cannot be started, the search embeds the query itself.
     */
    public void prepare(String query) {
        if (query == null || query.isBlank() || !indexer.ready()
                || properties.search().fastPathVectorWait().isZero()) {
            return;
        }
        long now = System.nanoTime();
        prepared.values().removeIf(p -> now - p.startedAt() > PREPARED_TTL_NANOS);
        if (prepared.size() >= MAX_PREPARED) {
            return;
        }
        try {
            Embedder embedder = indexer.embedder();
            prepared.computeIfAbsent(query, q -> new Prepared(embedder,
                    CompletableFuture.supplyAsync(() -> embedder.embed(q), SIGNALS), now));
        } catch (RejectedExecutionException e) {
            log.debug("Too much vector work queued; the query is not prepared: {}", e.getMessage());
        }
    }

    /** The query's vector: the prepared one if {@link #prepare} started it for the same model, else now. */
    private float[] embed(String query) {
        Embedder embedder = indexer.embedder();
        Prepared early = prepared.remove(query);
        if (early != null && early.embedder() == embedder) {
            try {
                return early.vector().join();
            } catch (CompletionException e) {
                log.debug("The prepared query vector failed; embedding again: {}", e.getMessage());
            }
        }
        return embedder.embed(query);
    }

    private Map<Long, Integer> await(CompletableFuture<Map<Long, Integer>> signal, Duration wait) {
        if (wait == null || signal.isDone()) {
            return signal.join();
        }
        try {
            return signal.get(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            skipped.incrementAndGet();
            log.debug("The vector signal was not ready {} after the text signal; the text signal answers alone", wait);
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        } catch (ExecutionException e) {
            return Map.of();
        }
    }

    /** The vector signal: nugget id → rank (1 = nearest); empty if the index cannot answer. */
    private Map<Long, Integer> vectorRanks(String query, KnowledgeFilter filter, int candidates) {
        Map<Long, Integer> ranks = new HashMap<>();
        try {
            float[] vector = embed(query);
            List<VectorHit> hits = indexer.index().search(new VectorQuery(vector, candidates,
                    filter.status().name(), filter.types().stream().map(Enum::name).collect(Collectors.toSet()),
                    filter.tags(), filter.archetype(), filter.language()));
            for (int i = 0; i < hits.size(); i++) {
                ranks.put(hits.get(i).nuggetId(), i + 1);
            }
        } catch (RuntimeException e) {
            log.warn("Vector search failed, answering with full text only: {}", e.getMessage());
        }
        return ranks;
    }

    public List<SearchHit> search(String query, KnowledgeFilter filter, int limit) {
        return search(query, filter, limit, SearchMode.HYBRID);
    }

    public List<SearchHit> search(String query, KnowledgeFilter filter, int limit, SearchMode mode) {
        return search(query, filter, limit, mode, null);
    }

    /**
     * @param vectorWait how long to wait for the vector signal once the text signal is in; when it is not
     *                   ready by then the text signal answers alone (counted in {@value #SKIPPED_METRIC}).
     *                   Null: as long as it takes.
     */
    public List<SearchHit> search(String query, KnowledgeFilter filter, int limit, SearchMode mode,
                                  Duration vectorWait) {
        if (query == null || query.isBlank() || limit <= 0) {
            return List.of();
        }
        int wanted = Math.min(limit, MAX_LIMIT);
        int candidates = Math.max(properties.search().candidates(), wanted);
        // the two signals are independent: the vector one (embedding, scan) runs on a thread of its own while
        // PostgreSQL ranks the full text; then one read by primary key brings the union through the filters
        // the wait concerns the hybrid search only; 0 there means: full text alone
        Duration wait = mode == SearchMode.HYBRID ? vectorWait : null;
        boolean vector = mode != SearchMode.FULL_TEXT && !(wait != null && wait.isZero());
        CompletableFuture<Map<Long, Integer>> vectorSignal = CompletableFuture.completedFuture(Map.of());
        if (vector && indexer.ready()) {
            try {
                vectorSignal = CompletableFuture.supplyAsync(() -> vectorRanks(query, filter, candidates), SIGNALS);
            } catch (RejectedExecutionException e) {
                skipped.incrementAndGet();
                log.warn("Too much vector work queued; answering with full text only");
            }
        }
        QueryTerms terms = new QueryTerms(query);
        String tsQuery = mode == SearchMode.VECTOR ? null : terms.tsQuery();
        Map<Long, Integer> textRanks = new HashMap<>();
        if (tsQuery != null) {
            List<Long> ids = store.textRanks(tsQuery, query, terms.titleWords(), filter, candidates,
                    properties.search().textScanLimit());
            for (int i = 0; i < ids.size(); i++) {
                textRanks.put(ids.get(i), i + 1);
            }
        }
        Map<Long, Integer> vectorRanks = await(vectorSignal, wait);
        Set<Long> union = new HashSet<>(textRanks.keySet());
        union.addAll(vectorRanks.keySet());
        if (union.isEmpty()) {
            return List.of();
        }
        List<TextRow> rows = store.candidates(union.stream().mapToLong(Long::longValue).toArray(), filter).stream()
                .map(n -> new TextRow(n, textRanks.get(n.id()))).toList();
        int k = properties.search().rrfK();
        List<SearchHit> hits = new ArrayList<>(rows.size());
        for (TextRow row : rows) {
            Integer vectorRank = vectorRanks.get(row.nugget().id());
            Integer textRank = row.textRank();
            double score = (vectorRank == null ? 0 : properties.search().vectorWeight() / (k + vectorRank))
                    + (textRank == null ? 0 : 1.0 / (k + textRank));
            hits.add(new SearchHit(row.nugget(), score, vectorRank, textRank));
        }
        hits.sort(Comparator.comparingDouble(SearchHit::score).reversed()
                .thenComparing(h -> h.vectorRank() == null ? Integer.MAX_VALUE : h.vectorRank())
                .thenComparing(h -> h.nugget().id()));
        return hits.size() > wanted ? List.copyOf(hits.subList(0, wanted)) : hits;
    }
}
