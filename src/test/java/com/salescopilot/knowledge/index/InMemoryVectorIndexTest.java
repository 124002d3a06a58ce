package com.salescopilot.knowledge.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The embedded index scans 8-bit codes and rescores the survivors from the floats: its answers must be
 * those of a plain exact scan (same nuggets, same order, same cosine), through filters, updates and
 * removals, including vectors that sit very close to each other as real embeddings do.
 */
class InMemoryVectorIndexTest {

    private static final int DIMENSION = 384;
    private final Random random = new Random(42);
    private final Map<Long, VectorEntry> truth = new HashMap<>();
    private final InMemoryVectorIndex index = new InMemoryVectorIndex();

    @Test
    void ranksExactlyAsAPlainScanDoesThroughFiltersUpdatesAndRemovals() {
        index.prepare(DIMENSION, true);
        // clusters of near neighbours (as embeddings of similar texts are) plus scattered vectors
        float[][] centres = new float[20][];
        for (int c = 0; c < centres.length; c++) {
            centres[c] = randomUnit();
        }
        List<VectorEntry> batch = new ArrayList<>();
        for (long id = 1; id <= 6000; id++) {
            float[] vector = id % 3 == 0 ? randomUnit() : near(centres[(int) (id % centres.length)], 0.15f);
            batch.add(entry(id, vector));
        }
        put(batch);
        // updates move some vectors, removals pull others out of the middle of the blocks
        List<VectorEntry> updates = new ArrayList<>();
        for (long id = 5; id <= 6000; id += 97) {
            updates.add(entry(id, near(centres[(int) (id % 7)], 0.05f)));
        }
        put(updates);
        List<Long> removed = new ArrayList<>();
        for (long id = 11; id <= 6000; id += 13) {
            removed.add(id);
        }
        index.remove(removed);
        removed.forEach(truth::remove);
        assertThat(index.count()).isEqualTo(truth.size());

        for (int i = 0; i < 60; i++) {
            float[] q = i % 2 == 0 ? near(centres[i % centres.length], 0.1f) : randomUnit();
            assertSameAsExact(new VectorQuery(q, 10, "ACTIVE", Set.of(), Set.of(), null, null), e -> e.status().equals("ACTIVE"));
            assertSameAsExact(new VectorQuery(q, 5, "ACTIVE", Set.of("PRICING", "OBJECTION"), Set.of(), "analyst", "pl"),
                    e -> e.status().equals("ACTIVE") && Set.of("PRICING", "OBJECTION").contains(e.type())
                            && (e.language() == null || e.language().equals("pl"))
                            && (e.archetypes().isEmpty() || e.archetypes().contains("analyst")));
            assertSameAsExact(new VectorQuery(q, 3, "ARCHIVED", Set.of(), Set.of("tag-2"), null, null),
                    e -> e.status().equals("ARCHIVED") && e.tags().contains("tag-2"));
        }
    }

    @Test
    void aVectorReplacedByAnotherIsFoundByItsNewValue() {
        index.prepare(DIMENSION, true);
        float[] a = randomUnit();
        float[] b = randomUnit();
        put(List.of(entry(1, a), entry(2, b)));
        put(List.of(entry(1, b)));
        List<VectorHit> hits = index.search(new VectorQuery(b, 2, "ACTIVE", Set.of(), Set.of(), null, null));
        assertThat(hits).extracting(VectorHit::score).allSatisfy(s -> assertThat(s).isCloseTo(1.0, within(1e-5)));
    }

    private void assertSameAsExact(VectorQuery query, Predicate<VectorEntry> filter) {
        List<VectorHit> expected = truth.values().stream().filter(filter)
                .map(e -> new VectorHit(e.nuggetId(), Vectors.dot(e.vector(), 0, query.vector(), DIMENSION)))
                .sorted(Comparator.comparingDouble(VectorHit::score).reversed())
                .limit(query.limit()).toList();
        List<VectorHit> actual = index.search(query);
        assertThat(actual).extracting(VectorHit::nuggetId)
                .containsExactlyElementsOf(expected.stream().map(VectorHit::nuggetId).toList());
        for (int i = 0; i < actual.size(); i++) {
            assertThat(actual.get(i).score()).isCloseTo(expected.get(i).score(), within(1e-6));
        }
    }

    private void put(List<VectorEntry> entries) {
        index.upsert(entries);
        entries.forEach(e -> truth.put(e.nuggetId(), e));
    }

    private VectorEntry entry(long id, float[] vector) {
        String status = id % 10 == 0 ? "ARCHIVED" : "ACTIVE";
        String type = List.of("PRODUCT", "PRICING", "OBJECTION", "CLOSING").get((int) (id % 4));
        String language = id % 3 == 0 ? null : id % 3 == 1 ? "pl" : "en";
        List<String> archetypes = id % 5 == 0 ? List.of("analyst") : id % 5 == 1 ? List.of("driver") : List.of();
        return new VectorEntry(id, vector, type, status, language, List.of("tag-" + id % 4), archetypes);
    }

    private float[] randomUnit() {
        float[] v = new float[DIMENSION];
        for (int i = 0; i < DIMENSION; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return Vectors.normalized(v);
    }

    private float[] near(float[] centre, float spread) {
        float[] v = new float[DIMENSION];
        for (int i = 0; i < DIMENSION; i++) {
            v[i] = centre[i] + spread * (float) random.nextGaussian() / (float) Math.sqrt(DIMENSION);
        }
        return Vectors.normalized(v);
    }
}
