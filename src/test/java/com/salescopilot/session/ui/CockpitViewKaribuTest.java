package com.salescopilot.session.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.github.mvysny.kaributesting.v10.ShortcutsKt;
import com.salescopilot.base.Texts;
import com.salescopilot.base.ui.NotFoundView;
import com.salescopilot.client.ClientService;
import com.salescopilot.client.ClientSummary;
import com.salescopilot.security.Actor;
import com.salescopilot.security.Role;
import com.salescopilot.session.Conclusion;
import com.salescopilot.session.InteractionType;
import com.salescopilot.session.InteractionView;
import com.salescopilot.session.RecordInteraction;
import com.salescopilot.session.SessionDetails;
import com.salescopilot.session.SessionFilter;
import com.salescopilot.session.SessionService;
import com.salescopilot.support.KaribuTest;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

class CockpitViewKaribuTest extends KaribuTest {

    @Autowired
    SessionService sessions;

    @Autowired
    ClientService clients;

    private CockpitView open(String location) {
        UI.getCurrent().navigate(location);
        return _get(CockpitView.class);
    }

    private static List<String> historyTexts(CockpitView view) {
        return _find(view.history, Paragraph.class).stream()
                .filter(p -> p.hasClassName("interaction-text")).map(Paragraph::getText).toList();
    }

    private long sessionCount(Actor actor) {
        return sessions.dashboard(actor, SessionFilter.none(), PageRequest.of(0, 100)).getNumberOfElements();
    }

    @Test
    void firstSendCreatesTheSessionAndPutsItsIdInTheUrl() {
        Actor seller = testData.newUser(Role.SELLER);
        login(seller);
        CockpitView view = open("sessions");
        assertThat(view.clientPicker.isVisible()).isTrue();
        assertThat(view.conclude.isVisible()).isFalse();

        _setValue(view.clientAlias, "Pani Zofia");
        _setValue(view.type, InteractionType.QUESTION);
        _setValue(view.input, "Jaki jest zasięg zimą?");
        _click(view.send);

        SessionDetails created = _get(CockpitView.class).details();
        assertThat(created).isNotNull();
        assertThat(NavigatorKt.getCurrentPath()).isEqualTo("sessions/" + created.id());
        view = _get(CockpitView.class);
        assertThat(view.clientPicker.isVisible()).isFalse();
        assertThat(view.title.getText()).isEqualTo("Pani Zofia");
        assertThat(view.sessionLabel.getText()).isEqualTo("#" + created.id());
        assertThat(view.statusHolder.getElement().getTextRecursively()).contains("🟢").contains("Active");
        assertThat(view.conclude.isVisible()).isTrue();
        assertThat(view.input.getValue()).isEmpty();
        assertThat(historyTexts(view)).containsExactly("Jaki jest zasięg zimą?");
        assertThat(view.history.getElement().getTextRecursively()).contains("Question").contains(seller.username());

        // what the cockpit shows is what was stored
        SessionDetails stored = sessions.get(seller, created.id());
        assertThat(stored.client().alias()).isEqualTo("Pani Zofia");
        assertThat(stored.interactions()).extracting(InteractionView::type).containsExactly(InteractionType.QUESTION);
    }

    @Test
    void laterSendsAppendToTheHistoryInOrderAndCtrlEnterSends() {
        Actor seller = testData.newUser(Role.SELLER);
        login(seller);
        CockpitView view = open("sessions");
        _setValue(view.clientAlias, "Mr. Order");
        _setValue(view.input, "first");
        _click(view.send);
        long id = _get(CockpitView.class).details().id();

        view = _get(CockpitView.class);
        _setValue(view.input, "second");
        _click(view.send);
        _setValue(view.input, "third");
        ShortcutsKt._fireShortcut(view.input, Key.ENTER, KeyModifier.CONTROL);

        assertThat(historyTexts(view)).containsExactly("first", "second", "third");
        assertThat(NavigatorKt.getCurrentPath()).isEqualTo("sessions/" + id);
        assertThat(sessions.get(seller, id).interactions()).extracting(InteractionView::text)
                .containsExactly("first", "second", "third");

        // reopening shows everything as it was
        UI.getCurrent().navigate("");
        _get(DashboardView.class);
        view = open("sessions/" + id);
        assertThat(historyTexts(view)).containsExactly("first", "second", "third");
    }

    @Test
    void existingClientCanBePickedInsteadOfANewAlias() {
        Actor seller = testData.newUser(Role.SELLER);
        ClientSummary client = clients.create(seller, "Known client", null);
        login(seller);
        CockpitView view = open("sessions");
        assertThat(com.github.mvysny.kaributesting.v10.ComboBoxKt.getSuggestionItems(view.existingClient))
                .extracting(ClientSummary::id).containsExactly(client.id());
        _setValue(view.existingClient, client);
        _setValue(view.input, "Back again");
        _click(view.send);

        assertThat(_get(CockpitView.class).details().client().id()).isEqualTo(client.id());
    }

    @Test
    void emptyTextShowsAnErrorAndStoresNothing() {
        Actor seller = testData.newUser(Role.SELLER);
        login(seller);
        CockpitView view = open("sessions");
        _setValue(view.clientAlias, "Somebody");
        _setValue(view.input, "   ");
        _click(view.send);

        assertThat(view.input.isInvalid()).isTrue();
        assertThat(view.input.getErrorMessage()).isEqualTo("Type what happened before sending.");
        assertThat(NavigatorKt.getCurrentPath()).isEqualTo("sessions");
        assertThat(sessionCount(seller)).isZero();
    }

    @Test
    void missingClientShowsAnErrorOnTheAliasAndStoresNothing() {
        Actor seller = testData.newUser(Role.SELLER);
        login(seller);
        CockpitView view = open("sessions");
        _setValue(view.input, "Text without a client");
        _click(view.send);

        assertThat(view.clientAlias.isInvalid()).isTrue();
        assertThat(view.input.isInvalid()).isFalse();
        assertThat(view.input.getValue()).isEqualTo("Text without a client");
        assertThat(sessionCount(seller)).isZero();
    }

    @Test
    void tooLongTextShowsAnErrorAndKeepsTheText() {
        Actor seller = testData.newUser(Role.SELLER);
        long id = sessions.record(seller, new RecordInteraction(null, null, "Talkative", "note", "short", null))
                .interaction().sessionId();
        login(seller);
        CockpitView view = open("sessions/" + id);
        String tooLong = "x".repeat(Texts.INTERACTION_MAX + 1);
        _setValue(view.input, tooLong);
        _click(view.send);

        assertThat(view.input.isInvalid()).isTrue();
        assertThat(view.input.getErrorMessage()).contains("8,000").contains("8,001");
        assertThat(view.input.getValue()).isEqualTo(tooLong);
        assertThat(sessions.get(seller, id).interactions()).hasSize(1);

        // fixing it clears the error and sends
        _setValue(view.input, "x".repeat(Texts.INTERACTION_MAX));
        _click(view.send);
        assertThat(view.input.isInvalid()).isFalse();
        assertThat(sessions.get(seller, id).interactions()).hasSize(2);
    }

    @Test
    void clientTextIsRenderedAsTextNeverAsHtml() {
        Actor seller = testData.newUser(Role.SELLER);
        String html = "<img src=x onerror=alert(1)><b>bold</b>";
        long id = sessions.record(seller, new RecordInteraction(null, null, "<i>Alias</i>", "client_statement", html,
                null)).interaction().sessionId();
        login(seller);
        CockpitView view = open("sessions/" + id);

        assertThat(historyTexts(view)).containsExactly(html);
        Paragraph text = _find(view.history, Paragraph.class).stream()
                .filter(p -> p.hasClassName("interaction-text")).findFirst().orElseThrow();
        assertThat(text.getElement().getChildren()).allMatch(com.vaadin.flow.dom.Element::isTextNode);
        assertThat(text.getElement().getProperty("innerHTML")).isNull();
        assertThat(view.title.getText()).isEqualTo("<i>Alias</i>");
    }

    @Test
    void anotherSellersSessionAndAnUnknownIdAreNotFound() {
        Actor owner = testData.newUser(Role.SELLER);
        Actor intruder = testData.newUser(Role.SELLER);
        long id = sessions.record(owner, new RecordInteraction(null, null, "Private", "note", "secret", null))
                .interaction().sessionId();

        login(intruder);
        UI.getCurrent().navigate("sessions/" + id);
        _get(NotFoundView.class);
        assertThat(_find(CockpitView.class)).isEmpty();

        UI.getCurrent().navigate("sessions/999999999");
        _get(NotFoundView.class);
    }

    @Test
    void aManagerCanOpenASellersSession() {
        Actor seller = testData.newUser(Role.SELLER);
        long id = sessions.record(seller, new RecordInteraction(null, null, "Team client", "note", "hello", null))
                .interaction().sessionId();
        login(testData.newUser(Role.MANAGER));
        CockpitView view = open("sessions/" + id);
        assertThat(historyTexts(view)).containsExactly("hello");
    }

    @Test
    void aClosedSessionIsReadOnlyAndShowsItsOutcome() {
        Actor seller = testData.newUser(Role.SELLER);
        long id = sessions.record(seller, new RecordInteraction(null, null, "Done deal", "note", "signed", null))
                .interaction().sessionId();
        sessions.conclude(seller, id, new Conclusion("won", null, null, new java.math.BigDecimal("189900"), null,
                "Paid in cash"), null);

        login(seller);
        CockpitView view = open("sessions/" + id);

        assertThat(view.composer.isVisible()).isFalse();
        assertThat(view.conclude.isVisible()).isFalse();
        assertThat(view.clientPicker.isVisible()).isFalse();
        assertThat(view.statusHolder.getElement().getTextRecursively()).contains("✅").contains("Closed");
        assertThat(view.outcomeSummary.isVisible()).isTrue();
        assertThat(view.outcomeSummary.getElement().getTextRecursively())
                .contains("Client bought").contains("189,900 PLN").contains("Paid in cash").contains(seller.username());
        assertThat(historyTexts(view)).containsExactly("signed");
    }

    @Test
    void sendingToASessionConcludedInAnotherTabKeepsTheTextAndShowsWhy() {
        Actor seller = testData.newUser(Role.SELLER);
        long id = sessions.record(seller, new RecordInteraction(null, null, "Two tabs", "note", "first", null))
                .interaction().sessionId();
        login(seller);
        CockpitView view = open("sessions/" + id);
        sessions.conclude(seller, id, new Conclusion("won", null, null, null, null, null), null);

        _setValue(view.input, "typed in the old tab");
        _click(view.send);

        com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications("This session is closed and read-only.");
        assertThat(view.input.getValue()).isEqualTo("typed in the old tab");
        assertThat(view.input.isReadOnly()).isTrue();
        assertThat(view.send.isEnabled()).isFalse();
        assertThat(view.outcomeSummary.isVisible()).isTrue();
        assertThat(sessions.get(seller, id).interactions()).extracting(InteractionView::text).containsExactly("first");
    }

    @Test
    void theAnalysisPanelSaysWhenTheAnalysisWillAppearAndThenShowsTheExtensionsPanel() {
        Actor seller = testData.newUser(Role.SELLER);
        login(seller);
        CockpitView view = open("sessions");
        assertThat(view.analysisPanel.getId()).contains("analysis-panel");
        assertThat(view.analysisPanel.getElement().getTextRecursively()).contains("Analysis")
                .contains("appears here after the first interaction");

        _setValue(view.clientAlias, "Panel client");
        _setValue(view.input, "first words");
        _click(view.send);
        view = _get(CockpitView.class);
        // the analysis module's panel (a CockpitExtension) replaces the empty state
        assertThat(view.analysisPanel.getElement().getTextRecursively()).doesNotContain("appears here after")
                .contains("Analysis");
        assertThat(view.analysisPanel.getChildren().map(c -> c.getId().orElse(""))).contains("analysis-side");
    }

    @Test
    void polishUserSeesThePolishCockpit() {
        Actor seller = testData.newUser(Role.SELLER, "pl");
        login(seller);
        CockpitView view = open("sessions");
        assertThat(view.send.getText()).isEqualTo("Wyślij");
        assertThat(view.title.getText()).isEqualTo("Nowa rozmowa");
        _setValue(view.clientAlias, "Klient");
        _click(view.send);
        assertThat(view.input.getErrorMessage()).isEqualTo("Wpisz, co się wydarzyło, zanim wyślesz.");
    }
}
