package com.salescopilot.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.salescopilot.knowledge.index.KnowledgeIndexer;
import com.salescopilot.security.Actor;
import com.salescopilot.security.Role;
import com.salescopilot.support.TestData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The retrieval test suite, run against each vector index (embedded and Qdrant): the quality of hybrid
 * search against vector-only and full-text-only on a sample knowledge set (40 nuggets, 40 Polish and
 * English queries, each with the nuggets a salesperson would expect; recall@3), and the behaviours that
 * must hold whatever the index: filters, archived nuggets never found, re-index after a wiped index.
 */
abstract class RetrievalSuite {

    static final String SAMPLE_TAG = "sample-kb";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    KnowledgeService knowledge;
    @Autowired
    KnowledgeSearch search;
    @Autowired
    KnowledgeImporter importer;
    @Autowired
    KnowledgeIndexer indexer;
    @Autowired
    TestData testData;

    Actor manager;

    /** The index's name in the figures' file. */
    abstract String indexName();

    @BeforeEach
    void sampleSet() throws IOException {
        manager = testData.newUser(Role.MANAGER);
        // idempotent by external id: importing it again changes nothing
        var report = importer.importText(manager, resource("sample-knowledge.json"), KnowledgeImporter.Format.JSON, null);
        assertThat(report.errors()).isEmpty();
        assertThat(report.imported()).isEqualTo(40);
    }

    static String resource(String name) throws IOException {
        try (InputStream in = RetrievalSuite.class.getResourceAsStream("/knowledge/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    record Query(String text, List<String> expected) {
    }

    static List<Query> queries() throws IOException {
        List<Query> out = new ArrayList<>();
        for (JsonNode q : JSON.readTree(resource("quality-queries.json"))) {
            List<String> expected = new ArrayList<>();
            q.get("expected").forEach(e -> expected.add(e.asString()));
            out.add(new Query(q.get("query").asString(), expected));
        }
        return out;
    }

    @Test
    void hybridBeatsVectorOnlyAndFullTextOnlyOnRecallAt3() throws IOException {
        List<Query> queries = queries();
        assertThat(queries).hasSizeGreaterThanOrEqualTo(30);
        KnowledgeFilter sample = new KnowledgeFilter(Set.of(), Set.of(SAMPLE_TAG), null, null, NuggetStatus.ACTIVE);
        Map<SearchMode, Double> recall = new EnumMap<>(SearchMode.class);
        StringBuilder misses = new StringBuilder();
        for (SearchMode mode : SearchMode.values()) {
            double sum = 0;
            for (Query q : queries) {
                Set<String> top = new HashSet<>();
                search.search(q.text(), sample, 3, mode).forEach(h -> top.add(h.nugget().externalId()));
                long found = q.expected().stream().filter(top::contains).count();
                sum += (double) found / Math.min(3, q.expected().size());
                if (mode == SearchMode.HYBRID && found == 0) {
                    misses.append("  - ").append(q.text()).append(" → ").append(top).append('\n');
                }
            }
            recall.put(mode, sum / queries.size());
        }
        String figures = String.format(Locale.ROOT,
                "index=%s model=%s queries=%d recall@3 hybrid=%.3f vector-only=%.3f full-text-only=%.3f%n"
                        + "hybrid queries with no expected nugget in the top 3:%n%s",
                indexName(), indexer.embedder().model(), queries.size(), recall.get(SearchMode.HYBRID),
                recall.get(SearchMode.VECTOR), recall.get(SearchMode.FULL_TEXT), misses);
        Files.writeString(Path.of("target", "knowledge-quality-" + indexName() + ".txt"), figures);
        System.out.println(figures);
        assertThat(recall.get(SearchMode.HYBRID)).as(figures)
                .isGreaterThan(recall.get(SearchMode.VECTOR))
                .isGreaterThan(recall.get(SearchMode.FULL_TEXT));
    }

    @Test
    void filtersHoldAndArchivedNuggetsAreNeverFound() {
        String tag = "t" + UUID.randomUUID().toString().substring(0, 8);
        Nugget rule = knowledge.create(manager, new NuggetInput(NuggetType.OBJECTION, "Klient mówi: nie ufam elektrykom " + tag,
                "Zapytaj, co konkretnie budzi nieufność, i zaproponuj rozmowę z obecnym właścicielem.", List.of(tag),
                List.of(), "pl", null));
        Nugget other = knowledge.create(manager, new NuggetInput(NuggetType.PROCESS, "Zaufanie: opinie klientów " + tag,
                "Pokaż opinie klientów, którzy kupili elektryka w naszym salonie.", List.of(tag), List.of(), "pl", null));
        KnowledgeFilter mine = new KnowledgeFilter(Set.of(), Set.of(tag), null, null, NuggetStatus.ACTIVE);
        for (SearchMode mode : SearchMode.values()) {
            assertThat(search.search("nie ufam samochodom elektrycznym", mine, 5, mode)).as(mode.name())
                    .extracting(h -> h.nugget().id()).contains(rule.id());
        }
        KnowledgeFilter objections = new KnowledgeFilter(Set.of(NuggetType.OBJECTION), Set.of(tag), null, null,
                NuggetStatus.ACTIVE);
        assertThat(search.search("nieufność opinie klientów", objections, 5)).extracting(h -> h.nugget().id())
                .containsExactly(rule.id());
        knowledge.archive(manager, rule.id());
        for (SearchMode mode : SearchMode.values()) {
            assertThat(search.search("nie ufam samochodom elektrycznym", mine, 5, mode)).as(mode.name())
                    .extracting(h -> h.nugget().id()).doesNotContain(rule.id());
        }
        assertThat(search.search("opinie klientów", mine, 5)).extracting(h -> h.nugget().id()).contains(other.id());
    }

    /**
     * The index itself applies the tag and archetype filters: a nugget that passes them is found even when
     * more similar nuggets that do not pass them would fill the index's top candidates.
     */
    @Test
    void tagAndArchetypeFiltersHoldInTheIndexEvenAmongMoreSimilarNuggets() {
        String tag = "t" + UUID.randomUUID().toString().substring(0, 8);
        String text = "Klient pyta o pompę ciepła w zimie i zużycie prądu " + tag;
        for (int i = 0; i < 15; i++) {
            knowledge.create(manager, new NuggetInput(NuggetType.TECHNICAL, text, text, List.of("inny-" + tag),
                    List.of("E-" + tag), "pl", null));
        }
        // less similar to the query than every decoy
        String other = "Serwis pompy ciepła: przegląd co dwa lata w salonie, koszt w cenie abonamentu " + tag;
        Nugget tagged = knowledge.create(manager, new NuggetInput(NuggetType.TECHNICAL, other, other, List.of(tag),
                List.of("A-" + tag), "pl", null));
        assertThat(search.search(text, new KnowledgeFilter(Set.of(), Set.of(tag), null, null, NuggetStatus.ACTIVE), 5,
                SearchMode.VECTOR)).extracting(h -> h.nugget().id()).containsExactly(tagged.id());
        // for the decoys' archetype the tagged nugget is out; for its own, the decoys are
        assertThat(search.search(other, new KnowledgeFilter(Set.of(NuggetType.TECHNICAL), Set.of(), "E-" + tag, "pl",
                NuggetStatus.ACTIVE), 20, SearchMode.VECTOR)).extracting(h -> h.nugget().id()).doesNotContain(tagged.id());
        assertThat(search.search(text, new KnowledgeFilter(Set.of(NuggetType.TECHNICAL), Set.of(), "A-" + tag, "pl",
                NuggetStatus.ACTIVE), 5, SearchMode.VECTOR)).extracting(h -> h.nugget().title()).doesNotContain(text)
                .isNotEmpty();
    }

    @Test
    void aWipedIndexIsRebuiltFromPostgres() {
        KnowledgeFilter sample = new KnowledgeFilter(Set.of(), Set.of(SAMPLE_TAG), null, null, NuggetStatus.ACTIVE);
        indexer.index().prepare(indexer.embedder().dimension(), true);
        assertThat(search.search("home charging wallbox", sample, 3, SearchMode.VECTOR)).isEmpty();
        KnowledgeIndexer.ReindexReport report = indexer.reindex();
        assertThat(report.stillPending()).isZero();
        assertThat(report.index()).isEqualTo(indexName());
        assertThat(search.search("home charging wallbox", sample, 3, SearchMode.VECTOR))
                .extracting(h -> h.nugget().externalId()).contains("s32");
    }
}
