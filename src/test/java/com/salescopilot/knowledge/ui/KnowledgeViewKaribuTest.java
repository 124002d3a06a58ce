package com.salescopilot.knowledge.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.salescopilot.knowledge.KnowledgeImporter.ImportReport;
import com.salescopilot.knowledge.KnowledgeService;
import com.salescopilot.knowledge.Nugget;
import com.salescopilot.knowledge.NuggetInput;
import com.salescopilot.knowledge.NuggetRevision;
import com.salescopilot.knowledge.NuggetStatus;
import com.salescopilot.knowledge.NuggetType;
import com.salescopilot.security.Actor;
import com.salescopilot.security.Role;
import com.salescopilot.support.KaribuTest;
import com.vaadin.flow.component.UI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The knowledge view with the real services: a manager creates a nugget through the form (validation
 * first), edits, archives and restores it and reads its history; filters and the semantic search narrow
 * the grid; a seller reads but cannot edit; an import shows progress and its report.
 */
class KnowledgeViewKaribuTest extends KaribuTest {

    @Autowired
    KnowledgeService knowledge;

    String tag;

    @BeforeEach
    void tag() {
        tag = "t" + UUID.randomUUID().toString().substring(0, 8);
    }

    private KnowledgeView open() {
        UI.getCurrent().navigate("knowledge");
        KnowledgeView view = _get(KnowledgeView.class);
        view.tags.setItems(List.of(tag));
        view.tags.setValue(Set.of(tag)); // this test's nuggets only (the database is shared)
        return view;
    }

    private static List<String> titles(KnowledgeView view) {
        return GridKt._fetch(view.grid, 0, 100).stream().map(Nugget::title).toList();
    }

    @Test
    void aManagerCreatesEditsArchivesAndRestoresANuggetWithHistory() {
        Actor manager = testData.newUser(Role.MANAGER);
        login(manager);
        KnowledgeView view = open();
        assertThat(titles(view)).isEmpty();
        assertThat(view.create.isVisible()).isTrue();
        assertThat(view.reindex.isVisible()).isFalse();

        _click(view.create);
        NuggetDialog form = _get(NuggetDialog.class);
        _click(form.save);
        assertThat(form.title.isInvalid()).isTrue();
        assertThat(form.content.isInvalid()).isTrue();
        assertThat(form.content.getErrorMessage()).isEqualTo("Write the content: not empty, at most 20,000 characters.");
        assertThat(form.isOpened()).isTrue();

        form.type.setValue(NuggetType.FINANCING);
        _setValue(form.title, "Leasing dla firm");
        _setValue(form.content, "Leasing operacyjny 101% na 5 lat, rata od 1 999 zł netto.");
        _setValue(form.tags, "leasing, firmy, " + tag);
        _click(form.save);
        assertThat(form.isOpened()).isFalse();
        assertThat(titles(view)).containsExactly("Leasing dla firm");

        view.open(GridKt._get(view.grid, 0));
        NuggetDialog edit = _get(NuggetDialog.class);
        assertThat(edit.content.getValue()).contains("1 999 zł");
        _setValue(edit.content, "Leasing operacyjny 101% na 5 lat, rata od 1 799 zł netto.");
        _click(edit.save);
        Nugget stored = knowledge.list(manager, new com.salescopilot.knowledge.KnowledgeFilter(Set.of(), Set.of(tag),
                null, null, NuggetStatus.ACTIVE), org.springframework.data.domain.PageRequest.of(0, 5)).getContent().getFirst();
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.content()).contains("1 799 zł");

        view.open(GridKt._get(view.grid, 0));
        NuggetDialog toArchive = _get(NuggetDialog.class);
        _click(toArchive.archive);
        assertThat(titles(view)).isEmpty();
        _setValue(view.archived, true);
        assertThat(titles(view)).containsExactly("Leasing dla firm");
        view.open(GridKt._get(view.grid, 0));
        NuggetDialog archived = _get(NuggetDialog.class);
        assertThat(archived.archive.isVisible()).isFalse();
        _click(archived.restore);
        _setValue(view.archived, false);
        assertThat(titles(view)).containsExactly("Leasing dla firm");

        assertThat(knowledge.history(manager, stored.id())).extracting(NuggetRevision::action).containsExactly(
                NuggetRevision.Action.RESTORED, NuggetRevision.Action.ARCHIVED, NuggetRevision.Action.UPDATED,
                NuggetRevision.Action.CREATED);
        view.open(GridKt._get(view.grid, 0));
        _click(_get(NuggetDialog.class).history);
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.grid.Grid<NuggetRevision> history = _get(com.vaadin.flow.component.grid.Grid.class, spec -> spec.withId("nugget-history-grid"));
        assertThat(GridKt._size(history)).isEqualTo(4);
        assertThat(GridKt._getFormatted(history, 0, "action")).isEqualTo("Restored");
        assertThat(GridKt._getFormatted(history, 0, "who")).isEqualTo(manager.username());
    }

    @Test
    void filtersAndSemanticSearchNarrowTheGrid() {
        Actor manager = testData.newUser(Role.MANAGER);
        knowledge.create(manager, new NuggetInput(NuggetType.FINANCING, "Karta Dużej Rodziny",
                "Rodziny wielodzietne dostają dodatkowe 3% rabatu.", List.of(tag), List.of(), "pl", null));
        knowledge.create(manager, new NuggetInput(NuggetType.TECHNICAL, "Pompa ciepła",
                "Pompa ciepła oszczędza zasięg zimą.", List.of(tag), List.of(), "pl", null));
        login(testData.newUser(Role.SELLER));
        KnowledgeView view = open();
        assertThat(titles(view)).containsExactlyInAnyOrder("Karta Dużej Rodziny", "Pompa ciepła");

        view.types.setValue(Set.of(NuggetType.TECHNICAL));
        assertThat(titles(view)).containsExactly("Pompa ciepła");
        view.types.clear();

        _setValue(view.query, "finansowanie dla rodzin wielodzietnych");
        List<String> found = titles(view);
        assertThat(found).isNotEmpty();
        assertThat(found.getFirst()).isEqualTo("Karta Dużej Rodziny");
        assertThat(view.grid.getColumnByKey("score").isVisible()).isTrue();
    }

    @Test
    void aSellerReadsButCannotEdit() {
        Actor manager = testData.newUser(Role.MANAGER);
        knowledge.create(manager, new NuggetInput(NuggetType.OBJECTION, "Za drogo",
                "Pokaż koszt całkowity posiadania.", List.of(tag), List.of(), null, null));
        login(testData.newUser(Role.SELLER));
        KnowledgeView view = open();
        assertThat(view.create.isVisible()).isFalse();
        assertThat(view.importFile.isVisible()).isFalse();
        view.open(GridKt._get(view.grid, 0));
        NuggetDialog dialog = _get(NuggetDialog.class);
        assertThat(dialog.content.isReadOnly()).isTrue();
        assertThat(dialog.save.isVisible()).isFalse();
        assertThat(dialog.archive.isVisible()).isFalse();
        assertThat(dialog.history.isVisible()).isTrue();
    }

    @Test
    void importShowsProgressAndTheReport() {
        Actor admin = testData.newUser(Role.ADMIN);
        login(admin);
        KnowledgeView view = open();
        assertThat(view.reindex.isVisible()).isTrue();
        _click(view.importFile);
        ImportDialog dialog = _get(ImportDialog.class);
        StringBuilder csv = new StringBuilder("id,type,title,content,tags\n");
        for (int i = 1; i <= 30; i++) {
            csv.append("kv-").append(tag).append('-').append(i).append(",product,Pigułka ").append(i)
                    .append(",Treść ").append(i).append(',').append(tag).append('\n');
        }
        csv.append("kv-").append(tag).append("-bad,product,Bez treści,,").append(tag).append('\n');
        List<Integer> progress = new ArrayList<>();
        ImportReport report = dialog.importNow("wiedza.csv", csv.toString().getBytes(StandardCharsets.UTF_8),
                (done, total) -> {
                    progress.add(done);
                    dialog.showProgress(done, total);
                });
        assertThat(progress).hasSize(31).endsWith(31);
        assertThat(dialog.status.getText()).isEqualTo("Imported 31 of 31 rows…");
        dialog.showReport(report);
        assertThat(dialog.status.getText()).isEqualTo("Done: 30 new, 0 updated, 0 unchanged, 1 with errors.");
        assertThat(dialog.report.getElement().getTextRecursively()).contains("Row 32:").contains("content");
        assertThat(titles(view)).hasSize(30);
    }

    @Test
    void theImportReportSpeaksTheSellersLanguage() {
        Actor admin = testData.newUser(Role.ADMIN, "pl");
        login(admin);
        open();
        _click(_get(KnowledgeView.class).importFile);
        ImportDialog dialog = _get(ImportDialog.class);
        String csv = "id,type,title,content,tags\n"
                + "pl-" + tag + "-1,small talk,Pogoda,Rozmowa o pogodzie otwiera.," + tag + "\n"
                + "pl-" + tag + "-2,product,Bez treści,," + tag + "\n";
        dialog.showReport(dialog.importNow("wiedza.csv", csv.getBytes(StandardCharsets.UTF_8), (done, total) -> { }));
        String report = dialog.report.getElement().getTextRecursively();
        assertThat(report).contains("Wiersz 3: Wpisz treść")
                .contains("Wiersz 2: nieznany typ „small talk”, zaimportowano jako Produkt")
                .doesNotContain("content").doesNotContain("unknown type");

        // a file refused as a whole says why, in Polish too
        try {
            dialog.importNow("wiedza.csv", "id,type,title\n1,product,Bez kolumny treści\n".getBytes(StandardCharsets.UTF_8),
                    (done, total) -> { });
            org.assertj.core.api.Assertions.fail("a CSV without a content column is refused");
        } catch (com.salescopilot.base.InvalidInputException e) {
            dialog.showFailure(e);
        }
        assertThat(dialog.status.getText()).isEqualTo(
                "Plik nie został zaimportowany: nagłówek CSV musi zawierać co najmniej kolumny title i content.");
    }
}
