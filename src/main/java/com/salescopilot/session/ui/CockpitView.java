package com.salescopilot.session.ui;

import com.salescopilot.session.CockpitRefresh;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.shared.Registration;
import com.salescopilot.base.ConflictException;
import com.salescopilot.base.InvalidInputException;
import com.salescopilot.base.NotFoundException;
import com.salescopilot.base.TextNormalizer;
import com.salescopilot.base.Texts;
import com.salescopilot.base.ui.Formats;
import com.salescopilot.client.ClientService;
import com.salescopilot.client.ClientSummary;
import com.salescopilot.security.Actor;
import com.salescopilot.security.CurrentUser;
import com.salescopilot.session.CockpitExtension;
import com.salescopilot.session.InteractionType;
import com.salescopilot.session.InteractionView;
import com.salescopilot.session.OutcomeData;
import com.salescopilot.session.RecordInteraction;
import com.salescopilot.session.RecordedInteraction;
import com.salescopilot.session.SalesProperties;
import com.salescopilot.session.SessionDetails;
import com.salescopilot.session.SessionService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.NavigationTrigger;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The cockpit: one conversation. {@code sessions} starts a new one (the first interaction creates the
 * session, and the client when none is picked), {@code sessions/42} shows session 42: its whole history
 * and, while it is active, the input. Other modules add their parts through {@link CockpitExtension}s:
 * under each interaction (the streamed AI answer), the right-hand panel (the analysis) and the header
 * (the model status). Another seller's session, like an unknown id, is "not found".
 */
@Route("sessions")
@PermitAll
class CockpitView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    static final List<InteractionType> INPUT_TYPES = List.of(InteractionType.CLIENT_STATEMENT,
            InteractionType.OBSERVATION, InteractionType.QUESTION, InteractionType.OBJECTION, InteractionType.NOTE);

    private final SessionService sessions;
    private final ClientService clients;
    private final SalesProperties sales;
    private final Actor actor;
    private final List<CockpitExtension> extensions;

    final H2 title = new H2();
    final Span statusHolder = new Span();
    final Span sessionLabel = new Span();
    final Button conclude = new Button();

    final Div clientPicker = new Div();
    final ComboBox<ClientSummary> existingClient = new ComboBox<>();
    final TextField clientAlias = new TextField();

    final Div history = new Div();
    final Scroller historyScroller = new Scroller(history);
    final Div emptyHistory = new Div();
    final Div outcomeSummary = new Div();

    final VerticalLayout composer = new VerticalLayout();
    final TextArea input = new TextArea();
    final Select<InteractionType> type = new Select<>();
    final Button send = new Button();

    final Div analysisPanel = new Div();

    private SessionDetails details;
    /** The session whose extension panel the right-hand side shows (kept while the same session is shown). */
    private Long sidePanelSession;
    /** The interactions whose cards the history shows, in order (new ones are appended, not re-rendered). */
    private final List<Long> shownInteractions = new ArrayList<>();
    /** Listens to other modules' {@link CockpitRefresh} requests while attached. */
    private Registration refreshRegistration;

    CockpitView(SessionService sessions, ClientService clients, SalesProperties sales, CurrentUser currentUser,
                List<CockpitExtension> extensions) {
        this.sessions = sessions;
        this.clients = clients;
        this.sales = sales;
        this.actor = currentUser.require();
        this.extensions = List.copyOf(extensions);
        addClassName("cockpit-view");
        setSizeFull();
        setPadding(true);

        add(header());
        HorizontalLayout body = new HorizontalLayout(conversationColumn(), analysisColumn());
        body.addClassName("cockpit-body");
        body.setSizeFull();
        body.setAlignItems(FlexComponent.Alignment.STRETCH);
        add(body);
        setFlexGrow(1, body);
    }

    private HorizontalLayout header() {
        title.addClassName("cockpit-title");
        sessionLabel.addClassName("session-id");
        sessionLabel.setId("session-id");
        statusHolder.setId("session-status");
        conclude.setText(getTranslation("cockpit.conclude"));
        conclude.setIcon(new Icon(VaadinIcon.FLAG_CHECKERED));
        conclude.setId("conclude");
        conclude.addClickListener(e -> openConcludeDialog());
        Span spacer = new Span();
        HorizontalLayout header = new HorizontalLayout(title, statusHolder, sessionLabel, spacer);
        extensions.forEach(e -> e.headerStatus().ifPresent(header::add));
        header.add(conclude);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.expand(spacer);
        header.addClassName("cockpit-header");
        return header;
    }

    private VerticalLayout conversationColumn() {
        existingClient.setLabel(getTranslation("cockpit.client.existing"));
        existingClient.setPlaceholder(getTranslation("cockpit.client.existing.placeholder"));
        existingClient.setItemsPageable((pageable, filter) -> clients.search(actor, filter, pageable).getContent());
        existingClient.setItemLabelGenerator(ClientSummary::alias);
        existingClient.setClearButtonVisible(true);
        existingClient.setId("existing-client");
        existingClient.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                clientAlias.clear();
                clientAlias.setInvalid(false);
            }
        });
        clientAlias.setLabel(getTranslation("cockpit.client.new"));
        clientAlias.setPlaceholder(getTranslation("cockpit.client.new.placeholder"));
        clientAlias.setHelperText(getTranslation("cockpit.client.new.helper"));
        clientAlias.setId("client-alias");
        clientAlias.addValueChangeListener(e -> {
            if (!e.getValue().isBlank()) {
                existingClient.clear();
            }
        });
        Span or = new Span(getTranslation("cockpit.client.or"));
        or.addClassName("client-picker-or");
        clientPicker.add(existingClient, or, clientAlias);
        clientPicker.addClassName("client-picker");
        clientPicker.setId("client-picker");

        history.addClassName("conversation-history");
        history.setId("conversation-history");
        historyScroller.addClassName("conversation-scroller");
        historyScroller.setWidthFull();
        emptyHistory.addClassName("empty-state");
        emptyHistory.setText(getTranslation("cockpit.history.empty"));

        outcomeSummary.addClassName("outcome-summary");
        outcomeSummary.setId("outcome-summary");

        input.setLabel(getTranslation("cockpit.input.label"));
        input.setPlaceholder(getTranslation("cockpit.input.placeholder"));
        input.setHelperText(getTranslation("cockpit.input.helper"));
        input.setWidthFull();
        input.addClassName("cockpit-input");
        input.setId("interaction-input");
        Shortcuts.addShortcutListener(input, this::send, Key.ENTER, KeyModifier.CONTROL)
                .listenOn(input)
                .resetFocusOnActiveElement();

        type.setLabel(getTranslation("cockpit.type.label"));
        type.setItems(INPUT_TYPES);
        type.setItemLabelGenerator(t -> getTranslation("interaction.type." + t.code()));
        type.setValue(InteractionType.CLIENT_STATEMENT);
        type.setId("interaction-type");
        type.setWidth("15em");

        send.setText(getTranslation("cockpit.send"));
        send.setIcon(new Icon(VaadinIcon.PAPERPLANE));
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.setId("send");
        send.addClickListener(e -> send());

        HorizontalLayout actions = new HorizontalLayout(type, send);
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        composer.add(input, actions);
        composer.setPadding(false);
        composer.setSpacing(false);
        composer.addClassName("composer");

        VerticalLayout column = new VerticalLayout(clientPicker, historyScroller, outcomeSummary, composer);
        column.addClassName("conversation-column");
        column.setPadding(false);
        column.setFlexGrow(1, historyScroller);
        return column;
    }

    private Div analysisColumn() {
        analysisPanel.setId("analysis-panel");
        analysisPanel.addClassName("analysis-panel");
        showEmptyAnalysis(extensions.isEmpty() ? "analysis.unavailable" : "analysis.new-conversation");
        return analysisPanel;
    }

    private void showEmptyAnalysis(String messageKey) {
        sidePanelSession = null;
        analysisPanel.removeAll();
        analysisPanel.removeClassName("with-extension");
        H3 heading = new H3(getTranslation("analysis.title"));
        Paragraph empty = new Paragraph(getTranslation(messageKey));
        empty.addClassName("empty-state");
        analysisPanel.add(heading, empty);
    }

    /** The extensions' panels for this session; kept as they are while the same session stays on screen. */
    private void showSidePanel(SessionDetails session) {
        if (sidePanelSession != null && sidePanelSession == session.id()) {
            return;
        }
        List<Component> panels = new ArrayList<>();
        extensions.forEach(e -> e.sidePanel(session).ifPresent(panels::add));
        if (panels.isEmpty()) {
            showEmptyAnalysis("analysis.unavailable");
            return;
        }
        analysisPanel.removeAll();
        analysisPanel.addClassName("with-extension");
        panels.forEach(analysisPanel::add);
        sidePanelSession = session.id();
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter Long sessionId) {
        if (sessionId == null) {
            showNew();
        } else {
            // NotFoundException (unknown id, or another seller's session) renders the "not found" view
            show(sessions.get(actor, sessionId));
        }
    }

    private void showNew() {
        details = null;
        title.setText(getTranslation("cockpit.new.title"));
        statusHolder.removeAll();
        sessionLabel.setText("");
        conclude.setVisible(false);
        clientPicker.setVisible(true);
        existingClient.clear();
        clientAlias.clear();
        history.removeAll();
        shownInteractions.clear();
        history.add(emptyHistory);
        showEmptyAnalysis(extensions.isEmpty() ? "analysis.unavailable" : "analysis.new-conversation");
        outcomeSummary.setVisible(false);
        composer.setVisible(true);
        clearErrors();
    }

    private void show(SessionDetails session) {
        boolean sameSession = details != null && details.id() == session.id();
        details = session;
        title.setText(session.client().alias());
        statusHolder.removeAll();
        statusHolder.add(Badges.status(this, session.status()));
        sessionLabel.setText("#" + session.id());
        clientPicker.setVisible(false);
        showHistory(session, sameSession);
        showSidePanel(session);
        historyScroller.getElement().executeJs("setTimeout(() => this.scrollTop = this.scrollHeight, 100)");
        boolean closed = session.isClosed();
        conclude.setVisible(!closed);
        composer.setVisible(!closed);
        input.setReadOnly(closed);
        type.setReadOnly(closed);
        send.setEnabled(!closed);
        outcomeSummary.setVisible(closed);
        outcomeSummary.removeAll();
        if (closed && session.outcomeData() != null) {
            renderOutcome(session.outcomeData());
        }
        UI.getCurrent().getPage().setTitle(getPageTitle());
    }

    /**
     * Appends the cards of new interactions when the history already shows the beginning of this
     * conversation (so the AI answers already on screen keep streaming); otherwise renders it anew.
     */
    private void showHistory(SessionDetails session, boolean sameSession) {
        List<Long> ids = session.interactions().stream().map(InteractionView::id).toList();
        boolean continues = sameSession && ids.size() >= shownInteractions.size()
                && ids.subList(0, shownInteractions.size()).equals(shownInteractions);
        if (!continues) {
            history.removeAll();
            shownInteractions.clear();
        }
        if (ids.isEmpty()) {
            if (emptyHistory.getParent().isEmpty()) {
                history.add(emptyHistory);
            }
            return;
        }
        if (emptyHistory.getParent().isPresent()) {
            history.remove(emptyHistory);
        }
        for (InteractionView interaction : session.interactions().subList(shownInteractions.size(), ids.size())) {
            history.add(interactionCard(session, interaction));
            shownInteractions.add(interaction.id());
        }
    }

    private Div interactionCard(SessionDetails session, InteractionView interaction) {
        Span author = new Span(interaction.author());
        author.addClassName("interaction-author");
        Span time = new Span(Formats.dateTime(interaction.createdAt()));
        time.addClassName("interaction-time");
        Div meta = new Div(Badges.type(this, interaction.type()), author, time);
        meta.addClassName("interaction-meta");
        Paragraph text = new Paragraph();
        text.setText(interaction.text()); // text only: client words are never rendered as HTML
        text.addClassName("interaction-text");
        Div card = new Div(meta, text);
        extensions.forEach(e -> e.underInteraction(session, interaction).ifPresent(card::add));
        card.addClassName("interaction");
        card.addClassName("interaction-" + interaction.type().code().replace('_', '-'));
        card.getElement().setAttribute("data-interaction-id", String.valueOf(interaction.id()));
        return card;
    }

    private void renderOutcome(OutcomeData outcome) {
        boolean won = "won".equals(outcome.outcome());
        Span headline = new Span("✅ " + getTranslation("status.closed") + " · "
                + getTranslation("outcome.long." + outcome.outcome()));
        headline.addClassName("outcome-headline");
        outcomeSummary.add(headline);
        outcomeSummary.addClassNames(won ? "outcome-won" : "outcome-lost");
        if (outcome.reason() != null) {
            outcomeSummary.add(line("conclude.reason", getTranslation("reason." + outcome.reason())));
        }
        if (outcome.competitor() != null) {
            outcomeSummary.add(line("conclude.competitor", outcome.competitor()));
        }
        if (outcome.value() != null) {
            NumberFormat format = NumberFormat.getNumberInstance(getLocale());
            format.setMaximumFractionDigits(2);
            String currency = outcome.currency() == null ? "" : " " + outcome.currency();
            outcomeSummary.add(line("conclude.value", format.format(outcome.value()) + currency));
        }
        if (outcome.note() != null) {
            outcomeSummary.add(line("conclude.note", outcome.note()));
        }
        Span by = new Span(getTranslation("cockpit.concluded-by", outcome.concludedBy(),
                Formats.dateTime(outcome.concludedAt())));
        by.addClassName("outcome-by");
        outcomeSummary.add(by);
    }

    private Div line(String labelKey, String value) {
        Span label = new Span(getTranslation(labelKey) + ": ");
        label.addClassName("outcome-label");
        Span text = new Span();
        text.setText(value);
        Div line = new Div(label, text);
        line.addClassName("outcome-line");
        return line;
    }

    void send() {
        if (details != null && details.isClosed()) {
            return;
        }
        clearErrors();
        String text = input.getValue();
        String trimmed = TextNormalizer.trimToNull(text);
        boolean valid = true;
        if (trimmed == null) {
            showError(input, getTranslation("cockpit.error.text-required"));
            valid = false;
        } else if (trimmed.length() > Texts.INTERACTION_MAX) {
            showError(input, getTranslation("cockpit.error.text-too-long", Texts.INTERACTION_MAX, trimmed.length()));
            valid = false;
        }
        Long clientId = null;
        String alias = null;
        if (details == null) {
            ClientSummary picked = existingClient.getValue();
            alias = TextNormalizer.trimToNull(clientAlias.getValue());
            if (picked != null) {
                clientId = picked.id();
                alias = null;
            } else if (alias == null) {
                showError(clientAlias, getTranslation("cockpit.error.client-required"));
                valid = false;
            } else if (alias.length() > Texts.ALIAS_MAX) {
                showError(clientAlias, getTranslation("cockpit.error.alias-too-long", Texts.ALIAS_MAX, alias.length()));
                valid = false;
            }
        }
        if (!valid) {
            return;
        }
        InteractionType interactionType = type.getValue() == null ? InteractionType.CLIENT_STATEMENT : type.getValue();
        Long sessionId = details == null ? null : details.id();
        RecordedInteraction recorded;
        try {
            recorded = sessions.record(actor, new RecordInteraction(sessionId, clientId, alias, interactionType.code(),
                    text, null));
        } catch (InvalidInputException e) {
            showFieldErrors(e.fieldErrors());
            return;
        } catch (ConflictException e) {
            // closed in another tab: show the real state, but keep what was typed on screen to copy
            notifyError(getTranslation(e.messageKey()));
            reload();
            composer.setVisible(true);
            input.setReadOnly(true);
            type.setReadOnly(true);
            send.setEnabled(false);
            return;
        } catch (NotFoundException e) {
            notifyError(getTranslation("error.not-found"));
            return;
        }
        input.clear();
        input.focus();
        if (sessionId == null) {
            // the URL gets the new id in place of the "new conversation" entry (so reload works, and Back leaves
            // the cockpit instead of returning to an empty form); the router then shows the stored session
            UI ui = UI.getCurrent();
            String url = RouteConfiguration.forSessionScope().getUrl(CockpitView.class, recorded.interaction().sessionId());
            ui.getPage().getHistory().replaceState(null, url);
            ui.getInternals().getRouter().navigate(ui, new Location(url), NavigationTrigger.PROGRAMMATIC);
        } else {
            show(sessions.get(actor, sessionId));
        }
    }

    private void showFieldErrors(Map<String, String> errors) {
        errors.forEach((field, message) -> {
            switch (field) {
                case "text" -> showError(input, getTranslation("cockpit.error.text-invalid", Texts.INTERACTION_MAX));
                case "client_alias", "alias" -> showError(clientAlias,
                        getTranslation("cockpit.error.alias-invalid", Texts.ALIAS_MAX));
                default -> notifyError(getTranslation("error.invalid", field + ": " + message));
            }
        });
    }

    private static void showError(com.vaadin.flow.component.HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }

    private void clearErrors() {
        input.setInvalid(false);
        clientAlias.setInvalid(false);
    }

    private void notifyError(String message) {
        Notification n = Notification.show(message, 6000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private void openConcludeDialog() {
        if (details == null || details.isClosed()) {
            return;
        }
        new ConcludeDialog(sessions, actor, details.id(), details.version(), sales.currency(), this::show,
                this::reload).open();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        if (refreshRegistration != null) {
            refreshRegistration.remove();
        }
        refreshRegistration = CockpitRefresh.listen(attachEvent.getUI(), e -> reload());
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (refreshRegistration != null) {
            refreshRegistration.remove();
            refreshRegistration = null;
        }
        super.onDetach(detachEvent);
    }

    /** Re-reads the session (after a conflict: closed or changed elsewhere). */
    private void reload() {
        if (details != null) {
            show(sessions.get(actor, details.id()));
        }
    }

    /** The session shown, or null for a new conversation. */
    SessionDetails details() {
        return details;
    }

    @Override
    public String getPageTitle() {
        return details == null ? getTranslation("cockpit.new.page-title")
                : getTranslation("cockpit.page-title", details.id(), details.client().alias());
    }
}
