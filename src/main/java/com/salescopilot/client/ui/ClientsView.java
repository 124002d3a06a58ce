package com.salescopilot.client.ui;

import com.salescopilot.base.NotFoundException;
import com.salescopilot.base.ui.Formats;
import com.salescopilot.client.ClientService;
import com.salescopilot.client.ClientSummary;
import com.salescopilot.security.Actor;
import com.salescopilot.security.CurrentUser;
import com.salescopilot.security.UserService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
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
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The user's clients (a manager's and an admin's: everyone's): search, create, edit, jump to a
 * client's sessions on the dashboard; an admin can erase a client with everything about them (GDPR).
 */
@Route("clients")
@Menu(order = 1, title = "nav.clients", icon = "vaadin:users")
@PermitAll
class ClientsView extends VerticalLayout implements HasDynamicTitle {

    /** The dashboard's route and its client filter; a string, because clients may not depend on sessions. */
    static final String DASHBOARD_ROUTE = "";
    static final String CLIENT_PARAMETER = "client";
    private static final int NOTES_PREVIEW = 80;

    private final ClientService clients;
    private final Actor actor;
    private final Map<Long, String> ownerNames = new HashMap<>();
    private final UserService users;

    final Grid<ClientSummary> grid = new Grid<>();
    final TextField search = new TextField();
    final Button create = new Button();

    ClientsView(ClientService clients, UserService users, CurrentUser currentUser) {
        this.clients = clients;
        this.users = users;
        this.actor = currentUser.require();
        addClassName("clients-view");
        setSizeFull();

        H2 title = new H2(getTranslation("clients.title"));
        title.addClassName("view-title");
        create.setText(getTranslation("clients.new"));
        create.setIcon(new Icon(VaadinIcon.PLUS));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("new-client");
        create.addClickListener(e -> new ClientDialog(clients, actor, null, this::saved).open());
        HorizontalLayout header = new HorizontalLayout(title, create);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);

        search.setLabel(getTranslation("clients.search"));
        search.setPlaceholder(getTranslation("clients.search.placeholder"));
        search.setPrefixComponent(new Icon(VaadinIcon.SEARCH));
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        search.setId("client-search");

        grid.addColumn(ClientSummary::alias).setHeader(getTranslation("clients.column.alias"))
                .setKey("alias").setFlexGrow(2);
        grid.addColumn(c -> preview(c.notes())).setHeader(getTranslation("clients.column.notes"))
                .setKey("notes").setFlexGrow(2);
        grid.addColumn(c -> ownerNames.getOrDefault(c.ownerId(), "")).setHeader(getTranslation("clients.column.owner"))
                .setKey("owner").setFlexGrow(1).setVisible(actor.seesEveryone());
        grid.addColumn(c -> Formats.dateTime(c.updatedAt())).setHeader(getTranslation("clients.column.updated"))
                .setKey("updated").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(this::actions)).setHeader(getTranslation("clients.column.actions"))
                .setKey("actions").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        grid.setId("clients-grid");
        Paragraph empty = new Paragraph(getTranslation("clients.empty"));
        empty.addClassName("empty-state");
        grid.setEmptyStateComponent(empty);
        grid.setItemsPageable(pageable -> {
            List<ClientSummary> page = clients.search(actor, search.getValue(), pageable).getContent();
            if (actor.seesEveryone()) {
                ownerNames.putAll(users.usernames(page.stream().map(ClientSummary::ownerId)
                        .filter(id -> !ownerNames.containsKey(id)).distinct().toList()));
            }
            return page;
        });

        add(header, search, grid);
        setFlexGrow(1, grid);
    }

    private HorizontalLayout actions(ClientSummary client) {
        Button sessions = new Button(getTranslation("clients.sessions"), new Icon(VaadinIcon.LIST),
                e -> UI.getCurrent().navigate(DASHBOARD_ROUTE,
                        QueryParameters.of(CLIENT_PARAMETER, String.valueOf(client.id()))));
        sessions.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        sessions.addClassName("client-sessions");
        Button edit = new Button(getTranslation("clients.edit"), new Icon(VaadinIcon.EDIT), e -> edit(client));
        edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        edit.addClassName("client-edit");
        HorizontalLayout actions = new HorizontalLayout(sessions, edit);
        actions.setSpacing(false);
        if (actor.isAdmin()) {
            Button erase = new Button(getTranslation("clients.erase"), new Icon(VaadinIcon.TRASH), e -> confirmErase(client));
            erase.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            erase.addClassName("client-erase");
            actions.add(erase);
        }
        return actions;
    }

    private void edit(ClientSummary client) {
        try {
            // the editor starts from the stored state and its version (a stale edit is then a conflict)
            new ClientDialog(clients, actor, clients.get(actor, client.id()), this::saved).open();
        } catch (NotFoundException e) {
            notifyError(getTranslation("error.not-found"));
            grid.getDataProvider().refreshAll();
        }
    }

    private void confirmErase(ClientSummary client) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("clients.erase.title", client.alias()));
        confirm.setText(getTranslation("clients.erase.text", client.alias()));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation("clients.erase.confirm"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> {
            try {
                clients.erase(actor, client.id());
                Notification.show(getTranslation("clients.erased", client.alias()), 4000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (NotFoundException ex) {
                notifyError(getTranslation("error.not-found"));
            }
            grid.getDataProvider().refreshAll();
        });
        confirm.open();
    }

    private void saved(ClientSummary client) {
        grid.getDataProvider().refreshAll();
        Notification.show(getTranslation("clients.saved", client.alias()), 3000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private void notifyError(String message) {
        Notification.show(message, 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private static String preview(String notes) {
        if (notes == null) {
            return "";
        }
        String oneLine = notes.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= NOTES_PREVIEW ? oneLine : oneLine.substring(0, NOTES_PREVIEW - 1) + "…";
    }

    @Override
    public String getPageTitle() {
        return getTranslation("clients.page-title");
    }
}
