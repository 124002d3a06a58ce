package com.salescopilot.session.ui;

import com.salescopilot.base.ui.Formats;
import com.salescopilot.client.ClientService;
import com.salescopilot.client.ClientSummary;
import com.salescopilot.security.Actor;
import com.salescopilot.security.CurrentUser;
import com.salescopilot.session.SessionFilter;
import com.salescopilot.session.SessionRow;
import com.salescopilot.session.SessionService;
import com.salescopilot.session.SessionStatus;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Optional;

/**
 * The main view: the user's sessions (a manager's and an admin's: everyone's, with the owner), newest
 * activity first, filtered by status and client alias, paged lazily without a count. {@code ?client=<id>}
 * narrows it to one client's sessions (the Clients view links here).
 */
@Route("")
@Menu(order = 0, title = "nav.dashboard", icon = "vaadin:dashboard")
@PermitAll
class DashboardView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String CLIENT_PARAMETER = "client";

    private final SessionService sessions;
    private final ClientService clients;
    private final Actor actor;

    final Grid<SessionRow> grid = new Grid<>();
    final Select<SessionStatus> status = new Select<>();
    final TextField alias = new TextField();
    final Button newConversation = new Button();
    final Div clientChip = new Div();

    private Long clientId;

    DashboardView(SessionService sessions, ClientService clients, CurrentUser currentUser) {
        this.sessions = sessions;
        this.clients = clients;
        this.actor = currentUser.require();
        addClassName("dashboard-view");
        setSizeFull();

        H2 title = new H2(getTranslation("dashboard.title"));
        title.addClassName("view-title");
        newConversation.setText(getTranslation("dashboard.new-conversation"));
        newConversation.setIcon(new Icon(VaadinIcon.PLUS));
        newConversation.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        newConversation.setId("new-conversation");
        newConversation.addClickListener(e -> UI.getCurrent().navigate(CockpitView.class));
        HorizontalLayout header = new HorizontalLayout(title, newConversation);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);

        status.setLabel(getTranslation("dashboard.filter.status"));
        status.setItems(SessionStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("dashboard.filter.status.all"));
        status.setItemLabelGenerator(s -> s == null ? getTranslation("dashboard.filter.status.all") : statusLabel(s));
        status.addValueChangeListener(e -> refresh());
        status.setId("status-filter");

        alias.setLabel(getTranslation("dashboard.filter.alias"));
        alias.setPlaceholder(getTranslation("dashboard.filter.alias.placeholder"));
        alias.setPrefixComponent(new Icon(VaadinIcon.SEARCH));
        alias.setClearButtonVisible(true);
        alias.setValueChangeMode(ValueChangeMode.LAZY);
        alias.addValueChangeListener(e -> refresh());
        alias.setId("alias-filter");

        clientChip.addClassName("filter-chip");
        clientChip.setVisible(false);
        clientChip.setId("client-filter-chip");

        HorizontalLayout filters = new HorizontalLayout(status, alias, clientChip);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.addClassName("filters");

        grid.addColumn(r -> "#" + r.id()).setHeader(getTranslation("dashboard.column.id"))
                .setKey("id").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(SessionRow::clientAlias).setHeader(getTranslation("dashboard.column.client"))
                .setKey("client").setFlexGrow(2);
        grid.addColumn(new ComponentRenderer<>(r -> Badges.status(this, r.status())))
                .setHeader(getTranslation("dashboard.column.status")).setKey("status").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.outcome() == null ? "" : getTranslation("outcome." + r.outcome().code()))
                .setHeader(getTranslation("dashboard.column.outcome")).setKey("outcome").setFlexGrow(1);
        grid.addColumn(r -> Formats.dateTime(r.lastActivityAt()))
                .setHeader(getTranslation("dashboard.column.last-activity")).setKey("lastActivity").setFlexGrow(1);
        grid.addColumn(SessionRow::owner).setHeader(getTranslation("dashboard.column.owner"))
                .setKey("owner").setFlexGrow(1).setVisible(actor.seesEveryone());
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        grid.setId("sessions-grid");
        grid.addItemClickListener(e -> UI.getCurrent().navigate(CockpitView.class, e.getItem().id()));
        grid.setEmptyStateComponent(emptyState());
        grid.setItemsPageable(pageable -> sessions.dashboard(actor, filter(), pageable).getContent());

        add(header, filters, grid);
        setFlexGrow(1, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<String> parameter = event.getLocation().getQueryParameters().getSingleParameter(CLIENT_PARAMETER);
        clientId = parameter.flatMap(DashboardView::parseId).orElse(null);
        clientChip.removeAll();
        if (clientId != null) {
            // a client that is unknown or not the user's shows "not found", like any foreign id
            ClientSummary client = clients.get(actor, clientId);
            Span label = new Span(getTranslation("dashboard.filter.client", client.alias()));
            Button remove = new Button(new Icon(VaadinIcon.CLOSE_SMALL), e -> UI.getCurrent().navigate(DashboardView.class));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            remove.setAriaLabel(getTranslation("dashboard.filter.client.remove"));
            remove.setId("remove-client-filter");
            clientChip.add(label, remove);
        }
        clientChip.setVisible(clientId != null);
        refresh();
    }

    Long clientFilter() {
        return clientId;
    }

    private SessionFilter filter() {
        return new SessionFilter(status.getValue(), alias.getValue(), clientId);
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    private Div emptyState() {
        Div empty = new Div();
        empty.addClassName("empty-state");
        empty.setId("dashboard-empty");
        Paragraph text = new Paragraph(getTranslation("dashboard.empty"));
        Button start = new Button(getTranslation("dashboard.new-conversation"),
                e -> UI.getCurrent().navigate(CockpitView.class));
        start.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        empty.add(text, start);
        return empty;
    }

    private String statusLabel(SessionStatus s) {
        return getTranslation("status." + s.code());
    }

    private static Optional<Long> parseId(String text) {
        try {
            return Optional.of(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("dashboard.page-title");
    }
}
