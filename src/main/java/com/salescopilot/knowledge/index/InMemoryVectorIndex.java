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
 * The embedded vector index: every vector in one flat array, searched exhaustively (exact cosine, no
 * approximation) with the filters checked before the dot product. Loaded from the vectors stored in
 * PostgreSQL at start, so nothing is re-embedded.
 */
public final class InMemoryVectorIndex implements VectorIndex {

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private int dimension;
    private float[] data = new float[0];
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
            boolean activeOnly = "ACTIVE".equals(query.status());
            PriorityQueue<VectorHit> best = new PriorityQueue<>(query.limit() + 1,
                    (a, b) -> Double.compare(a.score(), b.score()));
            float floor = Float.NEGATIVE_INFINITY;
            float[] q = query.vector();
            for (int i = 0; i < size; i++) {
                Meta m = meta[i];
                if (!matches(m, query, activeOnly)) {
                    continue;
                }
                float score = Vectors.dot(data, i * dimension, q, dimension);
                if (best.size() < query.limit()) {
                    best.add(new VectorHit(m.id(), score));
                    if (best.size() == query.limit()) {
                        floor = (float) best.peek().score();
                    }
                } else if (score > floor) {
                    best.poll();
                    best.add(new VectorHit(m.id(), score));
                    floor = (float) best.peek().score();
                }
            }
            List<VectorHit> out = new ArrayList<>(best);
            out.sort((a, b) -> Double.compare(b.score(), a.score()));
            return out;
        } finally {
            lock.readLock().unlock();
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
        int capacity = Math.max(wanted, Math.max(16, meta.length * 3 / 2));
        data = Arrays.copyOf(data, capacity * dimension);
        meta = Arrays.copyOf(meta, capacity);
    }
}
