package com.salescopilot.knowledge.ui;

import com.salescopilot.base.ui.Formats;
import com.salescopilot.knowledge.KnowledgeFilter;
import com.salescopilot.knowledge.KnowledgeImporter;
import com.salescopilot.knowledge.KnowledgeSearch;
import com.salescopilot.knowledge.KnowledgeService;
import com.salescopilot.knowledge.Nugget;
import com.salescopilot.knowledge.NuggetStatus;
import com.salescopilot.knowledge.NuggetType;
import com.salescopilot.knowledge.SearchHit;
import com.salescopilot.knowledge.index.KnowledgeIndexer;
import com.salescopilot.security.Actor;
import com.salescopilot.security.CurrentUser;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The knowledge base: a lazy grid of nuggets (newest change first) with filters by type and tag, a
 * semantic search box (hybrid search, best first), archived ones on request; a click opens the nugget —
 * managers and admins edit, archive and restore it, sellers read it; everyone sees its history. Managers
 * and admins import files; admins re-index.
 */
@Route("knowledge")
@Menu(order = 2, title = "knowledge.nav", icon = "vaadin:lightbulb")
@PermitAll
class KnowledgeView extends VerticalLayout implements HasDynamicTitle {

    static final int SEARCH_RESULTS = 50;
    private static final int PREVIEW = 120;

    private final KnowledgeService knowledge;
    private final KnowledgeSearch search;
    private final KnowledgeImporter importer;
    private final KnowledgeIndexer indexer;
    private final Actor actor;
    private final Map<Long, Double> scores = new HashMap<>();

    final Grid<Nugget> grid = new Grid<>();
    final TextField query = new TextField();
    final MultiSelectComboBox<NuggetType> types = new MultiSelectComboBox<>();
    final MultiSelectComboBox<String> tags = new MultiSelectComboBox<>();
    final Checkbox archived = new Checkbox();
    final Button create = new Button();
    final Button importFile = new Button();
    final Button reindex = new Button();

    KnowledgeView(KnowledgeService knowledge, KnowledgeSearch search, KnowledgeImporter importer,
                  KnowledgeIndexer indexer, CurrentUser currentUser) {
        this.knowledge = knowledge;
        this.search = search;
        this.importer = importer;
        this.indexer = indexer;
        this.actor = currentUser.require();
        addClassName("knowledge-view");
        setSizeFull();

        H2 title = new H2(getTranslation("knowledge.title"));
        title.addClassName("view-title");
        boolean editor = actor.seesEveryone();
        create.setText(getTranslation("knowledge.new"));
        create.setIcon(new Icon(VaadinIcon.PLUS));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("knowledge-new");
        create.setVisible(editor);
        create.addClickListener(e -> new NuggetDialog(knowledge, actor, null, this::saved).open());
        importFile.setText(getTranslation("knowledge.import"));
        importFile.setIcon(new Icon(VaadinIcon.UPLOAD));
        importFile.setId("knowledge-import");
        importFile.setVisible(editor);
        importFile.addClickListener(e -> new ImportDialog(importer, actor, this::refresh).open());
        reindex.setText(getTranslation("knowledge.reindex"));
        reindex.setIcon(new Icon(VaadinIcon.REFRESH));
        reindex.setId("knowledge-reindex");
        reindex.setVisible(actor.isAdmin());
        reindex.addClickListener(e -> reindex());
        HorizontalLayout actions = new HorizontalLayout(reindex, importFile, create);
        HorizontalLayout header = new HorizontalLayout(title, actions);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);

        query.setLabel(getTranslation("knowledge.search"));
        query.setPlaceholder(getTranslation("knowledge.search.placeholder"));
        query.setPrefixComponent(new Icon(VaadinIcon.SEARCH));
        query.setClearButtonVisible(true);
        query.setValueChangeMode(ValueChangeMode.LAZY);
        query.setWidth("28em");
        query.setId("knowledge-search");
        query.addValueChangeListener(e -> refresh());
        types.setLabel(getTranslation("knowledge.filter.type"));
        types.setItems(NuggetType.values());
        types.setItemLabelGenerator(t -> getTranslation("knowledge.type." + t.code()));
        types.setId("knowledge-filter-type");
        types.addValueChangeListener(e -> refresh());
        tags.setLabel(getTranslation("knowledge.filter.tag"));
        tags.setItems(knowledge.tags(actor));
        tags.setId("knowledge-filter-tag");
        tags.addValueChangeListener(e -> refresh());
        archived.setLabel(getTranslation("knowledge.filter.archived"));
        archived.setId("knowledge-filter-archived");
        archived.addValueChangeListener(e -> refresh());
        HorizontalLayout filters = new HorizontalLayout(query, types, tags, archived);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWidthFull();
        filters.getStyle().set("flex-wrap", "wrap");

        grid.addColumn(n -> getTranslation("knowledge.type." + n.type().code())).setHeader(getTranslation("knowledge.column.type"))
                .setKey("type").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(this::titleCell)).setHeader(getTranslation("knowledge.column.title"))
                .setKey("title").setFlexGrow(3);
        grid.addColumn(n -> String.join(", ", n.tags())).setHeader(getTranslation("knowledge.column.tags"))
                .setKey("tags").setFlexGrow(1);
        grid.addColumn(n -> n.language() == null ? getTranslation("knowledge.language.any")
                        : getTranslation("language." + n.language()))
                .setHeader(getTranslation("knowledge.column.language")).setKey("language").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(n -> Formats.dateTime(n.updatedAt())).setHeader(getTranslation("knowledge.column.updated"))
                .setKey("updated").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(n -> scores.containsKey(n.id()) ? String.format(getLocale(), "%.3f", scores.get(n.id())) : "")
                .setHeader(getTranslation("knowledge.column.score")).setKey("score").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        grid.setId("knowledge-grid");
        Paragraph empty = new Paragraph(getTranslation("knowledge.empty"));
        empty.addClassName("empty-state");
        grid.setEmptyStateComponent(empty);
        grid.addItemClickListener(e -> open(e.getItem()));

        add(header, filters, grid);
        setFlexGrow(1, grid);
        refresh();
    }

    private VerticalLayout titleCell(Nugget n) {
        Span title = new Span(n.title());
        title.addClassName("nugget-title");
        String oneLine = n.content().replaceAll("\\s+", " ").strip();
        Span preview = new Span(oneLine.length() <= PREVIEW ? oneLine : oneLine.substring(0, PREVIEW - 1) + "…");
        preview.addClassName("nugget-preview");
        preview.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        VerticalLayout cell = new VerticalLayout(title, preview);
        cell.setPadding(false);
        cell.setSpacing(false);
        if (n.status() == NuggetStatus.ARCHIVED) {
            Span badge = new Span(getTranslation("knowledge.status.archived"));
            badge.getElement().getThemeList().add("badge contrast");
            cell.add(badge);
        }
        return cell;
    }

    KnowledgeFilter filter() {
        return new KnowledgeFilter(types.getValue(), tags.getValue(), null, null,
                archived.getValue() ? NuggetStatus.ARCHIVED : NuggetStatus.ACTIVE);
    }

    void refresh() {
        scores.clear();
        String text = query.getValue();
        if (text == null || text.isBlank()) {
            grid.getColumnByKey("score").setVisible(false);
            grid.setItemsPageable(pageable -> knowledge.list(actor, filter(), pageable).getContent());
        } else {
            List<SearchHit> hits = search.search(text, filter(), SEARCH_RESULTS);
            hits.forEach(h -> scores.put(h.nugget().id(), h.score()));
            grid.getColumnByKey("score").setVisible(true);
            grid.setItems(hits.stream().map(SearchHit::nugget).toList());
        }
    }

    void open(Nugget nugget) {
        Nugget current = knowledge.get(actor, nugget.id());
        new NuggetDialog(knowledge, actor, current, this::saved).open();
    }

    private void saved(Nugget nugget) {
        java.util.Set<String> selected = new java.util.HashSet<>(tags.getValue());
        List<String> all = knowledge.tags(actor);
        tags.setItems(all);
        selected.retainAll(all);
        tags.setValue(selected);
        refresh();
        Notification.show(getTranslation("knowledge.saved", nugget.title()), 3000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private void reindex() {
        KnowledgeIndexer.ReindexReport report = indexer.reindex();
        Notification.show(getTranslation("knowledge.reindexed", report.indexed(), report.durationMs()), 5000,
                Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("knowledge.page-title");
    }
}
