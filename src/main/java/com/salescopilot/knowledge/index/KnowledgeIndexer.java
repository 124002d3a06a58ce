package com.salescopilot.knowledge.index;

import com.salescopilot.knowledge.KnowledgeProperties;
import com.salescopilot.knowledge.domain.KnowledgeStore;
import com.salescopilot.knowledge.domain.KnowledgeStore.IndexRow;
import com.salescopilot.knowledge.domain.KnowledgeStore.IndexState;
import com.salescopilot.knowledge.domain.KnowledgeStore.PendingSummary;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Keeps the vector index in step with PostgreSQL. A nugget's write marks it pending (in the same
 * transaction); after commit the indexer embeds it (once per model: the vector is stored in PostgreSQL),
 * writes it to the index and clears the mark. A failed write stays pending with its error, is retried with
 * backoff, and shows in health; the nugget itself is never lost.
 * <p>
 * At start: if the embedding model (name or dimension) differs from the one recorded, every vector of the
 * old model is dropped, the index is wiped and everything is re-embedded — vectors of two models are never
 * mixed. Otherwise the embedded index is loaded from the stored vectors (nothing is re-embedded); a Qdrant
 * collection whose size does not match PostgreSQL's is rebuilt.
 */
public class KnowledgeIndexer implements SmartInitializingSingleton, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeIndexer.class);
    private static final int BATCH = 64;

    private final KnowledgeStore store;
    private final Embedder embedder;
    private final VectorIndex index;
    private final KnowledgeProperties properties;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("knowledge-indexer").factory());
    private volatile boolean ready;
    private volatile String startError;
    private volatile Instant syncedUntil = Instant.EPOCH;

    public KnowledgeIndexer(KnowledgeStore store, Embedder embedder, VectorIndex index, KnowledgeProperties properties,
                            Clock clock) {
        this.store = store;
        this.embedder = embedder;
        this.index = index;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        try {
            start();
        } catch (RuntimeException e) {
            startError = e.getMessage();
            log.error("The knowledge index could not start; searches use full text until it can ({})", e.getMessage());
        }
        long retry = properties.indexRetryInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::background, retry, retry, TimeUnit.MILLISECONDS);
    }

    /** Checks the model, prepares and loads the index, then writes what is pending. */
    public void start() {
        lock.lock();
        try {
            String model = embedder.model();
            int dimension = embedder.dimension();
            IndexState state = store.indexState().orElse(null);
            if (state == null || !state.model().equals(model) || state.dimension() != dimension) {
                rebuildForModel(state, model, dimension);
            } else {
                index.prepare(dimension, false);
                if (index instanceof InMemoryVectorIndex) {
                    load(null);
                } else if (index.count() != store.countVectors(model)) {
                    log.info("The {} index holds {} vectors, PostgreSQL {}: re-indexing", index.kind(), index.count(),
                            store.countVectors(model));
                    index.prepare(dimension, true);
                    store.markAllPending();
                }
            }
            ready = true;
            startError = null;
            processPending(Integer.MAX_VALUE);
        } finally {
            lock.unlock();
        }
    }

    private void rebuildForModel(IndexState old, String model, int dimension) {
        if (old != null) {
            log.warn("The embedding model changed from {} ({} dims) to {} ({} dims): dropping the old vectors and "
                    + "re-indexing every nugget", old.model(), old.dimension(), model, dimension);
        }
        int dropped = store.deleteVectorsNotOf(model);
        index.prepare(dimension, true);
        store.markAllPending();
        store.saveIndexState(model, dimension);
        log.info("Knowledge index prepared for {} ({} dims); {} old vectors dropped", model, dimension, dropped);
    }

    /** Loads nuggets with a stored vector into the (embedded) index; those without one become pending. */
    private void load(Instant changedSince) {
        String model = embedder.model();
        List<VectorEntry> batch = new ArrayList<>();
        List<Long> missing = new ArrayList<>();
        Instant started = Instant.now();
        store.forEachIndexRow(model, null, changedSince, row -> {
            if (row.vector() == null) {
                missing.add(row.id());
            } else {
                batch.add(entry(row, Vectors.fromBytes(row.vector())));
                if (batch.size() >= 1024) {
                    index.upsert(List.copyOf(batch));
                    batch.clear();
                }
            }
        });
        index.upsert(batch);
        missing.forEach(store::markPending);
        if (changedSince == null) {
            log.info("Knowledge index ({}) loaded: {} vectors in {} ms, {} to embed", index.kind(), index.count(),
                    Duration.between(started, Instant.now()).toMillis(), missing.size());
        }
    }

    /** Writes the pending nuggets to the index now (called after a nugget's transaction commits). */
    public void indexNow(List<Long> nuggetIds) {
        if (!ready) {
            return;
        }
        lock.lock();
        try {
            process(nuggetIds);
        } finally {
            lock.unlock();
        }
    }

    /** Writes every due pending nugget (at most {@code max}); returns how many are still pending after. */
    public long processPending(int max) {
        lock.lock();
        try {
            int done = 0;
            while (done < max) {
                List<Long> due = store.duePending(Math.min(BATCH, max - done));
                if (due.isEmpty()) {
                    break;
                }
                process(due);
                done += due.size();
            }
            return store.pendingSummary().pending();
        } finally {
            lock.unlock();
        }
    }

    private void process(List<Long> ids) {
        String model = embedder.model();
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<Long> part = ids.subList(from, Math.min(ids.size(), from + BATCH));
            List<IndexRow> rows = new ArrayList<>();
            for (Long id : part) {
                store.forEachIndexRow(model, id, null, rows::add);
            }
            try {
                writeRows(model, rows);
                part.forEach(store::pendingDone);
            } catch (RuntimeException e) {
                // one by one, so one bad nugget does not hold back the others
                for (IndexRow row : rows) {
                    try {
                        writeRows(model, List.of(row));
                        store.pendingDone(row.id());
                    } catch (RuntimeException single) {
                        failed(row.id(), single);
                    }
                }
            }
        }
    }

    private void writeRows(String model, List<IndexRow> rows) {
        List<IndexRow> toEmbed = rows.stream().filter(r -> r.vector() == null).toList();
        List<float[]> embedded = toEmbed.isEmpty() ? List.of()
                : embedder.embedAll(toEmbed.stream().map(KnowledgeIndexer::passage).toList());
        List<VectorEntry> entries = new ArrayList<>();
        int next = 0;
        for (IndexRow row : rows) {
            float[] vector;
            if (row.vector() == null) {
                vector = embedded.get(next++);
                store.saveVector(row.id(), model, Vectors.toBytes(vector), vector.length);
            } else {
                vector = Vectors.fromBytes(row.vector());
            }
            entries.add(entry(row, vector));
        }
        index.upsert(entries);
    }

    private void failed(long nuggetId, RuntimeException e) {
        PendingSummary before = store.pendingSummary();
        long attempt = Math.max(1, before.failed());
        Duration backoff = properties.indexRetryInterval().multipliedBy(Math.min(32, 1L << Math.min(5, attempt - 1)));
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        log.warn("Knowledge index write of nugget {} failed (retried in {} s): {}", nuggetId, backoff.toSeconds(), message);
        store.pendingFailed(nuggetId, message, clock.instant().plus(backoff));
    }

    /** Wipes the index and writes every nugget again from PostgreSQL (stored vectors are reused). */
    public ReindexReport reindex() {
        lock.lock();
        try {
            long started = System.nanoTime();
            String model = embedder.model();
            int dimension = embedder.dimension();
            IndexState state = store.indexState().orElse(null);
            if (state == null || !state.model().equals(model) || state.dimension() != dimension) {
                rebuildForModel(state, model, dimension);
            } else {
                index.prepare(dimension, true);
                store.markAllPending();
            }
            ready = true;
            startError = null;
            long left = processPending(Integer.MAX_VALUE);
            return new ReindexReport(index.kind(), model, dimension, index.count(), left,
                    (System.nanoTime() - started) / 1_000_000);
        } finally {
            lock.unlock();
        }
    }

    /** What a re-index did. */
    public record ReindexReport(String index, String model, int dimension, long indexed, long stillPending,
                                long durationMs) {
    }

    /** Retries failed writes; the embedded index also takes in what other instances wrote. */
    private void background() {
        try {
            if (!ready) {
                start();
                return;
            }
            if (index instanceof InMemoryVectorIndex && lock.tryLock()) {
                try {
                    Instant until = clock.instant().minusSeconds(2);
                    load(syncedUntil);
                    syncedUntil = until;
                } finally {
                    lock.unlock();
                }
            }
            processPending(10 * BATCH);
        } catch (RuntimeException e) {
            log.warn("Knowledge index background work failed: {}", e.getMessage());
        }
    }

    /** For health: the index, its model and size, the writes still to do and the last error. */
    public record IndexHealth(boolean ready, String index, String model, int dimension, long vectors,
                              long pendingWrites, long failedWrites, String lastError) {
    }

    public IndexHealth health() {
        PendingSummary pending = store.pendingSummary();
        long count;
        try {
            count = index.count();
        } catch (RuntimeException e) {
            count = -1;
        }
        String error = startError != null ? startError : pending.lastError();
        return new IndexHealth(ready, index.kind(), embedder.model(), ready ? embedder.dimension() : 0, count,
                pending.pending(), pending.failed(), error);
    }

    public boolean ready() {
        return ready;
    }

    public Embedder embedder() {
        return embedder;
    }

    public VectorIndex index() {
        return index;
    }

    static String passage(IndexRow row) {
        return row.title() + "\n" + row.content();
    }

    private static VectorEntry entry(IndexRow row, float[] vector) {
        return new VectorEntry(row.id(), vector, row.type(), row.status(), row.language(), row.tags(), row.archetypes());
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
    }
}
