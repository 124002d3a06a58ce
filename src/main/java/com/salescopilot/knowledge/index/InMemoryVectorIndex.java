package com.salescopilot.knowledge.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The embedded vector index: loaded from the vectors stored in PostgreSQL at start (nothing is
 * re-embedded) and searched exhaustively, with the filters applied, so every vector is considered.
 *
 * <p>A scan of 100,000 × 384 floats reads 150 MB per query, and on this hardware that is memory-bound
 * (~20 ms). So each vector is also kept as 8-bit codes with its own scale (a quarter of the bytes), laid
 * out in blocks of {@value #BLOCK} vectors dimension by dimension, which turns the scan into a loop the
 * JIT vectorises ({@code score[j] += q[d] * code[d][j]}). The rounding error of an approximate score
 * has a hard bound, so a vector is scored exactly from its floats only when its approximate score plus
 * that bound could still beat the current k-th best: the result is the exact ranking with exact cosine
 * similarities, not an approximation ({@code InMemoryVectorIndexTest} checks it against a plain scan,
 * with near-duplicate vectors), and only a few hundred vectors per query are read as floats.
 */
public final class InMemoryVectorIndex implements VectorIndex {

    static final int BLOCK = 256;
    /** Covers the float rounding of the sums themselves (scores are cosines in [-1, 1]). */
    private static final float ROUNDING_SLACK = 1e-4f;

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private int dimension;
    /** The vectors, one after another (exact scores, moves). */
    private float[] data = new float[0];
    /** The 8-bit codes: block b, dimension d, slot j at {@code (b * dimension + d) * BLOCK + j}. */
    private byte[] codes = new byte[0];
    /** Per vector: the factor that turns its codes back into its components. */
    private float[] scales = new float[0];
    private Meta[] meta = new Meta[0];
    private int size;
    private final Map<Long, Integer> positions = new HashMap<>();

    private record Meta(long id, String type, boolean active, String status, String language, String[] tags,
                        String[] archetypes) {
    }

    @Override
    public String kind() {
        return "embedded";
    }

    @Override
    public void prepare(int newDimension, boolean wipe) {
        lock.writeLock().lock();
        try {
            if (wipe || newDimension != dimension) {
                dimension = newDimension;
                data = new float[0];
                codes = new byte[0];
                scales = new float[0];
                meta = new Meta[0];
                size = 0;
                positions.clear();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public void upsert(List<VectorEntry> entries) {
        lock.writeLock().lock();
        try {
            for (VectorEntry e : entries) {
                if (e.vector().length != dimension) {
                    throw new IllegalArgumentException("Vector of dimension " + e.vector().length + " in an index of "
                            + dimension);
                }
                Integer at = positions.get(e.nuggetId());
                int pos = at == null ? size : at;
                if (at == null) {
                    ensureCapacity(size + 1);
                    size++;
                    positions.put(e.nuggetId(), pos);
                }
                System.arraycopy(e.vector(), 0, data, pos * dimension, dimension);
                encode(pos);
                meta[pos] = new Meta(e.nuggetId(), e.type(), "ACTIVE".equals(e.status()), e.status(), e.language(),
                        e.tags().toArray(String[]::new), e.archetypes().toArray(String[]::new));
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public void remove(Collection<Long> nuggetIds) {
        lock.writeLock().lock();
        try {
            for (Long id : nuggetIds) {
                Integer pos = positions.remove(id);
                if (pos == null) {
                    continue;
                }
                int last = size - 1;
                if (pos != last) {
                    System.arraycopy(data, last * dimension, data, pos * dimension, dimension);
                    encode(pos);
                    meta[pos] = meta[last];
                    positions.put(meta[pos].id(), pos);
                }
                meta[last] = null;
                size--;
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Writes the codes and scale of the vector at {@code pos} from its floats. */
    private void encode(int pos) {
        int offset = pos * dimension;
        float max = 0;
        for (int d = 0; d < dimension; d++) {
            max = Math.max(max, Math.abs(data[offset + d]));
        }
        float scale = max == 0 ? 0 : max / 127f;
        scales[pos] = scale;
        int base = (pos / BLOCK) * dimension * BLOCK + pos % BLOCK;
        for (int d = 0; d < dimension; d++) {
            codes[base + d * BLOCK] = scale == 0 ? 0 : (byte) Math.round(data[offset + d] / scale);
        }
    }

    @Override
    public List<VectorHit> search(VectorQuery query) {
        lock.readLock().lock();
        try {
            if (size == 0 || query.limit() <= 0) {
                return List.of();
            }
            if (query.vector().length != dimension) {
                throw new IllegalArgumentException("Query of dimension " + query.vector().length + " in an index of "
                        + dimension);
            }
            float[] q = query.vector();
            boolean activeOnly = "ACTIVE".equals(query.status());
            // a code is its component rounded to the nearest step (scale), so an approximate score is off
            // by at most Σ|q[d]| × scale / 2: only a vector whose approximate score plus that bound beats the
            // current k-th best can belong to the top k, and only those are scored exactly
            float halfL1 = 0;
            for (float v : q) {
                halfL1 += Math.abs(v);
            }
            halfL1 /= 2;
            TopK exact = new TopK(query.limit());
            float[] scores = new float[BLOCK];
            int blocks = (size + BLOCK - 1) / BLOCK;
            for (int b = 0; b < blocks; b++) {
                Arrays.fill(scores, 0f);
                int blockBase = b * dimension * BLOCK;
                for (int d = 0; d < dimension; d++) {
                    float qd = q[d];
                    int row = blockBase + d * BLOCK;
                    for (int j = 0; j < BLOCK; j++) {
                        scores[j] += qd * codes[row + j];
                    }
                }
                int first = b * BLOCK;
                int count = Math.min(BLOCK, size - first);
                for (int j = 0; j < count; j++) {
                    int pos = first + j;
                    float scale = scales[pos];
                    float upperBound = (scores[j] + halfL1) * scale + ROUNDING_SLACK;
                    if (exact.accepts(upperBound) && matches(meta[pos], query, activeOnly)) {
                        float score = Vectors.dot(data, pos * dimension, q, dimension);
                        if (exact.accepts(score)) {
                            exact.add(pos, score);
                        }
                    }
                }
            }
            List<VectorHit> out = new ArrayList<>(exact.size);
            for (int i = 0; i < exact.size; i++) {
                out.add(new VectorHit(meta[exact.positions[i]].id(), exact.scores[i]));
            }
            out.sort((a, b) -> Double.compare(b.score(), a.score()));
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The best k (position, score) pairs seen, in a min-heap on arrays (no boxing in the scan). */
    private static final class TopK {
        final int[] positions;
        final float[] scores;
        int size;

        TopK(int k) {
            positions = new int[k];
            scores = new float[k];
        }

        boolean accepts(float score) {
            return size < scores.length || score > scores[0];
        }

        void add(int pos, float score) {
            if (size < scores.length) {
                int i = size++;
                while (i > 0) {
                    int parent = (i - 1) / 2;
                    if (scores[parent] <= score) {
                        break;
                    }
                    scores[i] = scores[parent];
                    positions[i] = positions[parent];
                    i = parent;
                }
                scores[i] = score;
                positions[i] = pos;
                return;
            }
            // replace the smallest (the root) and sift down
            int i = 0;
            while (true) {
                int left = 2 * i + 1;
                if (left >= size) {
                    break;
                }
                int child = left + 1 < size && scores[left + 1] < scores[left] ? left + 1 : left;
                if (scores[child] >= score) {
                    break;
                }
                scores[i] = scores[child];
                positions[i] = positions[child];
                i = child;
            }
            scores[i] = score;
            positions[i] = pos;
        }
    }

    private static boolean matches(Meta m, VectorQuery q, boolean activeOnly) {
        if (activeOnly ? !m.active() : q.status() != null && !q.status().equals(m.status())) {
            return false;
        }
        if (!q.types().isEmpty() && !q.types().contains(m.type())) {
            return false;
        }
        if (q.language() != null && m.language() != null && !q.language().equals(m.language())) {
            return false;
        }
        if (q.archetype() != null && m.archetypes().length > 0 && !contains(m.archetypes(), q.archetype())) {
            return false;
        }
        if (!q.tags().isEmpty()) {
            for (String tag : m.tags()) {
                if (q.tags().contains(tag)) {
                    return true;
                }
            }
            return false;
        }
        return true;
    }

    private static boolean contains(String[] values, String wanted) {
        for (String v : values) {
            if (v.equalsIgnoreCase(wanted)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public long count() {
        lock.readLock().lock();
        try {
            return size;
        } finally {
            lock.readLock().unlock();
        }
    }

    private void ensureCapacity(int wanted) {
        if (meta.length >= wanted) {
            return;
        }
        int capacity = Math.max(wanted, Math.max(BLOCK, meta.length * 3 / 2));
        capacity = (capacity + BLOCK - 1) / BLOCK * BLOCK; // whole blocks of codes
        data = Arrays.copyOf(data, capacity * dimension);
        codes = Arrays.copyOf(codes, capacity * dimension);
        scales = Arrays.copyOf(scales, capacity);
        meta = Arrays.copyOf(meta, capacity);
    }
}
