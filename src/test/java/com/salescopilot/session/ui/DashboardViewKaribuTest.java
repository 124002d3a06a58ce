package com.salescopilot.session.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.salescopilot.base.ui.NotFoundView;
import com.salescopilot.security.Actor;
import com.salescopilot.security.Role;
import com.salescopilot.session.Conclusion;
import com.salescopilot.session.RecordInteraction;
import com.salescopilot.session.SessionRow;
import com.salescopilot.session.SessionService;
import com.salescopilot.session.SessionStatus;
import com.salescopilot.support.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class DashboardViewKaribuTest extends KaribuTest {

    @Autowired
    SessionService sessions;

    private long startSession(Actor actor, String alias) {
        return sessions.record(actor, new RecordInteraction(null, null, alias, "client_statement", "Hello", null))
                .interaction().sessionId();
    }

    private DashboardView openDashboard() {
        UI.getCurrent().navigate("");
        return _get(DashboardView.class);
    }

    private static List<Long> ids(DashboardView view) {
        return GridKt._fetch(view.grid, 0, 200).stream().map(SessionRow::id).toList();
    }

    @Test
    void aSellerSeesOwnSessionsOnlyWithoutTheOwnerColumn() {
        Actor seller = testData.newUser(Role.SELLER);
        Actor other = testData.newUser(Role.SELLER);
        long mine1 = startSession(seller, "Client A");
        long mine2 = startSession(seller, "Client B");
        long theirs = startSession(other, "Client C");

        login(seller);
        DashboardView view = openDashboard();

        // newest activity first
        assertThat(ids(view)).containsExactly(mine2, mine1).doesNotContain(theirs);
        assertThat(view.grid.getColumnByKey("owner").isVisible()).isFalse();
        assertThat(GridKt._getFormatted(view.grid, 0, "id")).isEqualTo("#" + mine2);
        assertThat(GridKt._getFormatted(view.grid, 0, "client")).isEqualTo("Client B");
        assertThat(GridKt._getFormatted(view.grid, 0, "outcome")).isEmpty();
        assertThat(GridKt._getFormatted(view.grid, 0, "lastActivity")).isNotBlank();
    }

    @Test
    void statusFilterShowsOnlyActiveOrOnlyClosedSessions() {
        Actor seller = testData.newUser(Role.SELLER);
        long active = startSession(seller, "Still talking");
        long closed = startSession(seller, "Bought a car");
        sessions.conclude(seller, closed, new Conclusion("won", null, null, null, null, null), null);

        login(seller);
        DashboardView view = openDashboard();
        assertThat(ids(view)).containsExactlyInAnyOrder(active, closed);

        _setValue(view.status, SessionStatus.CLOSED);
        assertThat(ids(view)).containsExactly(closed);
        assertThat(GridKt._getFormatted(view.grid, 0, "outcome")).isEqualTo("Won");

        _setValue(view.status, SessionStatus.ACTIVE);
        assertThat(ids(view)).containsExactly(active);

        _setValue(view.status, null);
        assertThat(ids(view)).containsExactlyInAnyOrder(active, closed);
    }

    @Test
    void aliasFilterIgnoresCaseAndPolishLetters() {
        Actor seller = testData.newUser(Role.SELLER);
        long turtle = startSession(seller, "Pan Żółwiński");
        startSession(seller, "Pani Kowalska");

        login(seller);
        DashboardView view = openDashboard();
        _setValue(view.alias, "żółw");
        assertThat(ids(view)).containsExactly(turtle);
        _setValue(view.alias, "ZOLW");
        assertThat(ids(view)).containsExactly(turtle);
        _setValue(view.alias, "nobody-like-this");
        assertThat(ids(view)).isEmpty();
    }

    @Test
    void aManagerSeesEveryonesSessionsWithTheOwnerColumn() {
        String token = UUID.randomUUID().toString().substring(0, 8);
        Actor seller1 = testData.newUser(Role.SELLER);
        Actor seller2 = testData.newUser(Role.SELLER);
        long first = startSession(seller1, "Team " + token + " one");
        long second = startSession(seller2, "Team " + token + " two");
        Actor manager = testData.newUser(Role.MANAGER);

        login(manager);
        DashboardView view = openDashboard();
        assertThat(view.grid.getColumnByKey("owner").isVisible()).isTrue();
        _setValue(view.alias, token);
        assertThat(ids(view)).containsExactly(second, first);
        assertThat(GridKt._getFormatted(view.grid, 0, "owner")).isEqualTo(seller2.username());
        assertThat(GridKt._getFormatted(view.grid, 1, "owner")).isEqualTo(seller1.username());
    }

    @Test
    void clickingARowOpensThatSessionInTheCockpit() {
        Actor seller = testData.newUser(Role.SELLER);
        long id = startSession(seller, "Click me");

        login(seller);
        DashboardView view = openDashboard();
        GridKt._clickItem(view.grid, 0, 1, false, false, false, false);

        assertThat(NavigatorKt.getCurrentPath()).isEqualTo("sessions/" + id);
        assertThat(_get(CockpitView.class).details().id()).isEqualTo(id);
    }

    @Test
    void newConversationButtonOpensAnEmptyCockpit() {
        Actor seller = testData.newUser(Role.SELLER);
        login(seller);
        DashboardView view = openDashboard();
        _click(view.newConversation);
        assertThat(NavigatorKt.getCurrentPath()).isEqualTo("sessions");
        assertThat(_get(CockpitView.class).details()).isNull();
    }

    @Test
    void aNewSellerSeesTheEmptyState() {
        Actor seller = testData.newUser(Role.SELLER);
        login(seller);
        DashboardView view = openDashboard();
        assertThat(ids(view)).isEmpty();
        assertThat(view.grid.getEmptyStateComponent().getId()).contains("dashboard-empty");
    }

    @Test
    void clientQueryParameterShowsOneClientsSessionsWithARemovableChip() {
        Actor seller = testData.newUser(Role.SELLER);
        long first = startSession(seller, "Filtered client");
        long clientId = sessions.get(seller, first).client().id();
        long second = sessions.record(seller, new RecordInteraction(null, clientId, null, "note", "Again", null))
                .interaction().sessionId();
        long other = startSession(seller, "Other client");

        login(seller);
        UI.getCurrent().navigate("", QueryParameters.of("client", String.valueOf(clientId)));
        DashboardView view = _get(DashboardView.class);
        assertThat(ids(view)).containsExactly(second, first);
        assertThat(view.clientChip.isVisible()).isTrue();
        assertThat(view.clientChip.getElement().getTextRecursively()).contains("Filtered client");

        _click(_get(view.clientChip, Button.class));
        view = _get(DashboardView.class);
        assertThat(view.clientChip.isVisible()).isFalse();
        assertThat(ids(view)).contains(first, second, other);
    }

    @Test
    void anotherSellersClientInTheQueryParameterIsNotFound() {
        Actor seller = testData.newUser(Role.SELLER);
        Actor other = testData.newUser(Role.SELLER);
        long theirs = startSession(other, "Not yours");
        long theirClient = sessions.get(other, theirs).client().id();

        login(seller);
        UI.getCurrent().navigate("", QueryParameters.of("client", String.valueOf(theirClient)));
        _get(NotFoundView.class);
    }
}
