package com.salescopilot.client.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.salescopilot.base.NotFoundException;
import com.salescopilot.client.ClientService;
import com.salescopilot.client.ClientSummary;
import com.salescopilot.security.Actor;
import com.salescopilot.security.Role;
import com.salescopilot.session.RecordInteraction;
import com.salescopilot.session.SessionService;
import com.salescopilot.support.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

class ClientsViewKaribuTest extends KaribuTest {

    @Autowired
    ClientService clients;

    @Autowired
    SessionService sessions;

    private ClientsView openClients() {
        UI.getCurrent().navigate("clients");
        return _get(ClientsView.class);
    }

    private static List<String> aliases(ClientsView view) {
        return GridKt._fetch(view.grid, 0, 200).stream().map(ClientSummary::alias).toList();
    }

    private static Button action(ClientsView view, int row, String className) {
        return _find(GridKt._getCellComponent(view.grid, row, "actions"), Button.class).stream()
                .filter(b -> b.hasClassName(className)).findFirst().orElseThrow();
    }

    @Test
    void aSellerCreatesAClientAndSeesOnlyOwnClients() {
        Actor seller = testData.newUser(Role.SELLER);
        Actor other = testData.newUser(Role.SELLER);
        clients.create(other, "Someone else's", null);
        login(seller);
        ClientsView view = openClients();
        assertThat(aliases(view)).isEmpty();
        assertThat(view.grid.getColumnByKey("owner").isVisible()).isFalse();

        _click(view.create);
        ClientDialog dialog = _get(ClientDialog.class);
        _setValue(dialog.alias, "Pan Żółwiński");
        _setValue(dialog.notes, "Prefers mornings");
        _click(dialog.save);

        assertThat(dialog.isOpened()).isFalse();
        assertThat(aliases(view)).containsExactly("Pan Żółwiński");
        assertThat(GridKt._getFormatted(view.grid, 0, "notes")).isEqualTo("Prefers mornings");
        assertThat(clients.search(seller, null, PageRequest.of(0, 10)).getContent())
                .extracting(ClientSummary::alias).containsExactly("Pan Żółwiński");
    }

    @Test
    void createValidatesTheAliasAndStoresNothingWhenInvalid() {
        Actor seller = testData.newUser(Role.SELLER);
        login(seller);
        ClientsView view = openClients();
        _click(view.create);
        ClientDialog dialog = _get(ClientDialog.class);
        _click(dialog.save);
        assertThat(dialog.alias.isInvalid()).isTrue();
        assertThat(dialog.alias.getErrorMessage()).isEqualTo("The alias is required.");

        _setValue(dialog.alias, "x".repeat(121));
        _click(dialog.save);
        assertThat(dialog.alias.isInvalid()).isTrue();
        assertThat(dialog.alias.getErrorMessage()).isEqualTo("The alias may have at most 120 characters.");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(clients.search(seller, null, PageRequest.of(0, 10)).getContent()).isEmpty();
    }

    @Test
    void searchFindsClientsIgnoringCaseAndPolishLetters() {
        Actor seller = testData.newUser(Role.SELLER);
        clients.create(seller, "Pani Łucja Żak", null);
        clients.create(seller, "Mr Smith", null);
        login(seller);
        ClientsView view = openClients();
        assertThat(aliases(view)).containsExactlyInAnyOrder("Pani Łucja Żak", "Mr Smith");

        _setValue(view.search, "lucja zak");
        assertThat(aliases(view)).containsExactly("Pani Łucja Żak");
        _setValue(view.search, "SMITH");
        assertThat(aliases(view)).containsExactly("Mr Smith");
    }

    @Test
    void editChangesAliasAndNotesAndAStaleEditIsAConflict() {
        Actor seller = testData.newUser(Role.SELLER);
        ClientSummary client = clients.create(seller, "Old alias", "old notes");
        login(seller);
        ClientsView view = openClients();

        _click(action(view, 0, "client-edit"));
        ClientDialog dialog = _get(ClientDialog.class);
        assertThat(dialog.alias.getValue()).isEqualTo("Old alias");
        _setValue(dialog.alias, "New alias");
        _setValue(dialog.notes, "new notes");
        _click(dialog.save);
        assertThat(aliases(view)).containsExactly("New alias");
        assertThat(clients.get(seller, client.id()).notes()).isEqualTo("new notes");

        // open the editor, then somebody else saves: this editor's version is stale
        _click(action(view, 0, "client-edit"));
        ClientDialog stale = _get(ClientDialog.class);
        clients.update(seller, client.id(), "Changed elsewhere", null, null);
        _setValue(stale.alias, "Mine");
        _click(stale.save);
        assertThat(stale.isOpened()).isTrue();
        assertThat(stale.error.getText())
                .isEqualTo("This client was changed by someone else in the meantime. Reload and try again.");
        assertThat(clients.get(seller, client.id()).alias()).isEqualTo("Changed elsewhere");
    }

    @Test
    void sessionsButtonOpensTheDashboardFilteredByTheClient() {
        Actor seller = testData.newUser(Role.SELLER);
        ClientSummary client = clients.create(seller, "With sessions", null);
        sessions.record(seller, new RecordInteraction(null, client.id(), null, "note", "hi", null));
        login(seller);
        ClientsView view = openClients();

        _click(action(view, 0, "client-sessions"));

        assertThat(NavigatorKt.getCurrentPath()).isEqualTo("?client=" + client.id());
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getQueryParameters()
                .getSingleParameter("client")).contains(String.valueOf(client.id()));
        assertThat(NavigatorKt.getCurrentView().getSimpleName()).isEqualTo("DashboardView");
    }

    @Test
    void aSellerHasNoEraseButton() {
        Actor seller = testData.newUser(Role.SELLER);
        clients.create(seller, "Keep me", null);
        login(seller);
        ClientsView view = openClients();
        assertThat(_find(GridKt._getCellComponent(view.grid, 0, "actions"), Button.class))
                .noneMatch(b -> b.hasClassName("client-erase"));
    }

    @Test
    void anAdminErasesAClientWithAllSessionsAfterConfirming() {
        String token = UUID.randomUUID().toString().substring(0, 8);
        Actor seller = testData.newUser(Role.SELLER);
        ClientSummary client = clients.create(seller, "Erase " + token, null);
        long sessionId = sessions.record(seller, new RecordInteraction(null, client.id(), null, "note", "data", null))
                .interaction().sessionId();
        Actor admin = testData.newUser(Role.ADMIN);
        login(admin);
        ClientsView view = openClients();
        assertThat(view.grid.getColumnByKey("owner").isVisible()).isTrue();
        _setValue(view.search, token);
        assertThat(aliases(view)).containsExactly("Erase " + token);
        assertThat(GridKt._getFormatted(view.grid, 0, "owner")).isEqualTo(seller.username());

        _click(action(view, 0, "client-erase"));
        ConfirmDialog confirm = _get(ConfirmDialog.class);
        assertThat(ConfirmDialogKt._getText(confirm)).contains("permanently").contains("sessions");

        // cancelling keeps everything
        ConfirmDialogKt._fireCancel(confirm);
        assertThat(clients.get(seller, client.id())).isNotNull();

        _click(action(view, 0, "client-erase"));
        ConfirmDialogKt._fireConfirm(_find(ConfirmDialog.class).getLast());

        assertThat(aliases(view)).isEmpty();
        assertThatThrownBy(() -> clients.get(admin, client.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> sessions.get(admin, sessionId)).isInstanceOf(NotFoundException.class);
    }
}
