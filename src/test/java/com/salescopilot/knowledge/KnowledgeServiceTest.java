package com.salescopilot.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.salescopilot.analysis.KnowledgeRetriever;
import com.salescopilot.base.ConflictException;
import com.salescopilot.base.InvalidInputException;
import com.salescopilot.base.NotFoundException;
import com.salescopilot.knowledge.index.KnowledgeIndexer;
import com.salescopilot.security.Actor;
import com.salescopilot.security.Role;
import com.salescopilot.support.IntegrationTest;
import com.salescopilot.support.TestData;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * The knowledge base on the real PostgreSQL with the in-process embedding model and the embedded index:
 * CRUD with versions and history, who may edit, validation, search filters, archived nuggets out of
 * search and prompts, meta-rules always in the prompts, re-index after the index is wiped, and a change
 * of embedding model forcing a re-index.
 */
@IntegrationTest
class KnowledgeServiceTest {

    @Autowired
    KnowledgeService knowledge;
    @Autowired
    KnowledgeSearch search;
    @Autowired
    KnowledgeIndexer indexer;
    @Autowired
    List<KnowledgeRetriever> retrievers;
    @Autowired
    TestData testData;
    @Autowired
    JdbcClient jdbc;

    Actor manager;
    Actor seller;
    String tag;

    @BeforeEach
    void setUp() {
        manager = testData.newUser(Role.MANAGER);
        seller = testData.newUser(Role.SELLER);
        tag = "t" + UUID.randomUUID().toString().substring(0, 8);
    }

    private NuggetInput input(NuggetType type, String title, String content, String... tags) {
        List<String> all = new java.util.ArrayList<>(List.of(tags));
        all.add(tag);
        return new NuggetInput(type, title, content, all, List.of(), null, null);
    }

    private KnowledgeFilter mine() {
        return new KnowledgeFilter(Set.of(), Set.of(tag), null, null, NuggetStatus.ACTIVE);
    }

    @Test
    void createEditArchiveRestoreKeepVersionsAndHistory() {
        Nugget created = knowledge.create(manager, input(NuggetType.FINANCING, "Leasing konsumencki",
                "Leasing dla osób prywatnych od 3% wpłaty własnej.", "Leasing"));
        assertThat(created.version()).isEqualTo(1);
        assertThat(created.tags()).containsExactly("leasing", tag);
        assertThat(created.origin()).isEqualTo(NuggetOrigin.MANUAL);
        assertThat(created.authorName()).isEqualTo(manager.username());

        Nugget edited = knowledge.update(manager, created.id(), input(NuggetType.FINANCING, "Leasing konsumencki",
                "Leasing dla osób prywatnych od 0% wpłaty własnej.", "leasing"), 1);
        assertThat(edited.version()).isEqualTo(2);
        assertThat(edited.content()).contains("0%");

        assertThatThrownBy(() -> knowledge.update(manager, created.id(), input(NuggetType.FINANCING, "x", "y"), 1))
                .isInstanceOf(ConflictException.class);

        Nugget archived = knowledge.archive(manager, created.id());
        assertThat(archived.status()).isEqualTo(NuggetStatus.ARCHIVED);
        assertThat(knowledge.list(seller, mine(), PageRequest.of(0, 10)).getContent()).isEmpty();
        assertThat(knowledge.list(seller, mine().withStatus(NuggetStatus.ARCHIVED), PageRequest.of(0, 10))
                .getContent()).extracting(Nugget::id).containsExactly(created.id());
        Nugget restored = knowledge.restore(manager, created.id());
        assertThat(restored.status()).isEqualTo(NuggetStatus.ACTIVE);
        assertThat(restored.version()).isEqualTo(4);

        assertThat(knowledge.history(seller, created.id()))
                .extracting(NuggetRevision::version, NuggetRevision::action, NuggetRevision::changedBy)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(4, NuggetRevision.Action.RESTORED, manager.username()),
                        org.assertj.core.groups.Tuple.tuple(3, NuggetRevision.Action.ARCHIVED, manager.username()),
                        org.assertj.core.groups.Tuple.tuple(2, NuggetRevision.Action.UPDATED, manager.username()),
                        org.assertj.core.groups.Tuple.tuple(1, NuggetRevision.Action.CREATED, manager.username()));
        assertThat(knowledge.history(seller, created.id()).getLast().content()).contains("3%");
    }

    @Test
    void sellersReadButDoNotEdit() {
        Nugget n = knowledge.create(manager, input(NuggetType.PRODUCT, "Zasięg", "Do 500 km WLTP."));
        assertThat(knowledge.get(seller, n.id()).title()).isEqualTo("Zasięg");
        assertThatThrownBy(() -> knowledge.create(seller, input(NuggetType.PRODUCT, "a", "b")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> knowledge.archive(seller, n.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> knowledge.get(seller, 987_654_321L)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void badInputIsRefusedWithEveryProblemAndNothingWritten() {
        NuggetInput bad = new NuggetInput(null, " ", "x".repeat(20_001),
                java.util.stream.IntStream.range(0, 11).mapToObj(i -> "tag" + i).toList(), List.of(), "de", null);
        assertThatThrownBy(() -> knowledge.create(manager, bad))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .containsKeys("type", "title", "content", "tags", "language"));
        assertThatThrownBy(() -> knowledge.create(manager, input(NuggetType.PRODUCT, "Pusty", "  ")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("content"));
        assertThat(knowledge.list(manager, mine(), PageRequest.of(0, 10)).getContent()).isEmpty();
    }

    @Test
    void searchFindsInflectedPolishFormsAndAppliesFilters() {
        Nugget family = knowledge.create(manager, input(NuggetType.FINANCING, "Rabat dla rodzin wielodzietnych",
                "Posiadacze Karty Dużej Rodziny dostają 5% rabatu i tańszy leasing.", "rodzina"));
        Nugget charging = knowledge.create(manager, input(NuggetType.TECHNICAL, "Ładowanie w domu",
                "Wallbox 11 kW ładuje baterię do pełna w około 7 godzin.", "ładowanie"));
        Nugget competitor = knowledge.create(manager, input(NuggetType.COMPETITION, "Porównanie z Teslą Model 3",
                "Nasz serwis jest w każdym województwie, a gwarancja na baterię trwa 8 lat.", "konkurencja"));

        List<SearchHit> hits = search.search("czy jest zniżka dla rodziny wielodzietnej?", mine(), 3);
        assertThat(hits).isNotEmpty();
        assertThat(hits.getFirst().nugget().id()).isEqualTo(family.id());

        assertThat(search.search("ile godzin zajmuje ladowanie w garazu", mine(), 1).getFirst().nugget().id())
                .isEqualTo(charging.id());

        KnowledgeFilter onlyCompetition = new KnowledgeFilter(Set.of(NuggetType.COMPETITION), Set.of(tag), null, null,
                NuggetStatus.ACTIVE);
        assertThat(search.search("rabat leasing ładowanie tesla", onlyCompetition, 5))
                .extracting(h -> h.nugget().id()).containsExactly(competitor.id());
        KnowledgeFilter byTag = new KnowledgeFilter(Set.of(), Set.of("ładowanie"), null, null, NuggetStatus.ACTIVE);
        assertThat(search.search("ładowanie wallbox", byTag, 5)).extracting(h -> h.nugget().id())
                .contains(charging.id()).doesNotContain(family.id(), competitor.id());

        knowledge.archive(manager, family.id());
        assertThat(search.search("zniżka dla rodziny wielodzietnej", mine(), 5))
                .extracting(h -> h.nugget().id()).doesNotContain(family.id());
    }

    @Test
    void archetypeAndLanguageFiltersKeepNuggetsForAllAndDropOthers() {
        Nugget forAll = knowledge.create(manager, new NuggetInput(NuggetType.CLOSING, "Jazda próbna " + tag,
                "Zaproponuj jazdę próbną na weekend.", List.of(tag), List.of(), null, null));
        Nugget analyst = knowledge.create(manager, new NuggetInput(NuggetType.CLOSING, "Tabela kosztów " + tag,
                "Pokaż tabelę kosztów całkowitych na 5 lat, jazda próbna potem.", List.of(tag), List.of("Analityk"),
                "pl", null));
        Nugget english = knowledge.create(manager, new NuggetInput(NuggetType.CLOSING, "Test drive " + tag,
                "Offer a weekend test drive (jazda próbna).", List.of(tag), List.of(), "en", null));
        KnowledgeFilter driver = new KnowledgeFilter(Set.of(), Set.of(tag), "Kierowca", "pl", NuggetStatus.ACTIVE);
        assertThat(search.search("jazda próbna", driver, 10)).extracting(h -> h.nugget().id())
                .contains(forAll.id()).doesNotContain(analyst.id(), english.id());
        KnowledgeFilter analystPl = new KnowledgeFilter(Set.of(), Set.of(tag), "Analityk", "pl", NuggetStatus.ACTIVE);
        assertThat(search.search("jazda próbna", analystPl, 10)).extracting(h -> h.nugget().id())
                .contains(forAll.id(), analyst.id()).doesNotContain(english.id());
    }

    @Test
    void promptsGetMetaRulesAlwaysAndNeverArchivedNuggets() {
        Nugget rule = knowledge.create(manager, input(NuggetType.META_RULE, "Nie obiecuj terminu " + tag,
                "Nigdy nie obiecuj terminu dostawy bez potwierdzenia z magazynu."));
        Nugget warranty = knowledge.create(manager, input(NuggetType.PRODUCT, "Gwarancja baterii " + tag,
                "Gwarancja na baterię: 8 lat lub 160 000 km " + tag));
        KnowledgeRetriever retriever = retrievers.getFirst();

        List<KnowledgeRetriever.RetrievedKnowledge> got = retriever.retrieve("jaka jest gwarancja na baterię " + tag,
                null, "pl", 5);
        assertThat(got).extracting(KnowledgeRetriever.RetrievedKnowledge::id).contains(rule.ref(), warranty.ref());
        assertThat(got.stream().filter(k -> k.id().equals(rule.ref())).findFirst().orElseThrow().type())
                .isEqualTo("meta-rule");
        // a meta-rule comes along with any query, also one that has nothing to do with it
        assertThat(retriever.retrieve("kolor tapicerki", null, "pl", 5))
                .extracting(KnowledgeRetriever.RetrievedKnowledge::id).contains(rule.ref());

        knowledge.archive(manager, warranty.id());
        knowledge.archive(manager, rule.id());
        assertThat(retriever.retrieve("jaka jest gwarancja na baterię " + tag, null, "pl", 5))
                .extracting(KnowledgeRetriever.RetrievedKnowledge::id).doesNotContain(rule.ref(), warranty.ref());
        // a chip of an older analysis still opens an archived nugget
        assertThat(retriever.find(warranty.ref())).get()
                .extracting(KnowledgeRetriever.RetrievedKnowledge::title).isEqualTo("Gwarancja baterii " + tag);
    }

    @Test
    void reindexRebuildsAWipedIndexFromPostgresWithoutLosingANugget() {
        Nugget n = knowledge.create(manager, input(NuggetType.PRODUCT, "Pompa ciepła " + tag,
                "Pompa ciepła zmniejsza zużycie energii zimą o 30%."));
        assertThat(search.search("heat pump winter range pompa ciepła", mine(), 3, SearchMode.VECTOR))
                .extracting(h -> h.nugget().id()).contains(n.id());

        indexer.index().prepare(indexer.embedder().dimension(), true); // the index is wiped
        assertThat(search.search("pompa ciepła zimą", mine(), 3, SearchMode.VECTOR)).isEmpty();

        KnowledgeIndexer.ReindexReport report = indexer.reindex();
        assertThat(report.stillPending()).isZero();
        assertThat(report.indexed()).isGreaterThanOrEqualTo(1);
        assertThat(search.search("pompa ciepła zimą", mine(), 3, SearchMode.VECTOR))
                .extracting(h -> h.nugget().id()).contains(n.id());
    }

    @Test
    void aDifferentEmbeddingModelForcesAReindexInsteadOfMixingVectors() {
        Nugget n = knowledge.create(manager, input(NuggetType.PRODUCT, "Zimowe opony " + tag,
                "Komplet opon zimowych w cenie do końca miesiąca."));
        String model = indexer.embedder().model();
        // as if the vectors had been made by another model
        jdbc.sql("update knowledge_index_state set model = 'ollama/other-model', dimension = 1024").update();
        jdbc.sql("update knowledge_vector set model = 'ollama/other-model' where nugget_id = ?").param(n.id()).update();

        indexer.start();

        assertThat(jdbc.sql("select model from knowledge_index_state").query(String.class).single()).isEqualTo(model);
        assertThat(jdbc.sql("select count(*) from knowledge_vector where model <> ?").param(model)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select model from knowledge_vector where nugget_id = ?").param(n.id())
                .query(String.class).single()).isEqualTo(model);
        assertThat(search.search("opony zimowe", mine(), 3, SearchMode.VECTOR))
                .extracting(h -> h.nugget().id()).contains(n.id());
    }
}

