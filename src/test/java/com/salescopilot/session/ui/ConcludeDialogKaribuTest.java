package com.salescopilot.session.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.salescopilot.security.Actor;
import com.salescopilot.security.Role;
import com.salescopilot.session.Conclusion;
import com.salescopilot.session.LostReason;
import com.salescopilot.session.Outcome;
import com.salescopilot.session.OutcomeData;
import com.salescopilot.session.RecordInteraction;
import com.salescopilot.session.SessionDetails;
import com.salescopilot.session.SessionService;
import com.salescopilot.session.SessionStatus;
import com.salescopilot.support.KaribuTest;
import com.vaadin.flow.component.UI;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ConcludeDialogKaribuTest extends KaribuTest {

    @Autowired
    SessionService sessions;

    private long startSession(Actor actor) {
        return sessions.record(actor, new RecordInteraction(null, null, "Hesitant buyer", "objection", "Too expensive",
                null)).interaction().sessionId();
    }

    private ConcludeDialog openDialog(long sessionId) {
        UI.getCurrent().navigate("sessions/" + sessionId);
        _click(_get(CockpitView.class).conclude);
        return _get(ConcludeDialog.class);
    }

    @Test
    void concludingLostWithAReasonMakesTheCockpitReadOnlyWithTheOutcome() {
        Actor seller = testData.newUser(Role.SELLER);
        long id = startSession(seller);
        login(seller);
        ConcludeDialog dialog = openDialog(id);
        assertThat(dialog.reason.isVisible()).isFalse();

        _setValue(dialog.outcome, Outcome.LOST);
        assertThat(dialog.reason.isVisible()).isTrue();
        _setValue(dialog.reason, LostReason.COMPETITOR);
        _setValue(dialog.competitor, "BMW iX3");
        _setValue(dialog.value, new BigDecimal("250000"));
        _setValue(dialog.note, "Went for the BMW");
        _click(dialog.save);

        assertThat(dialog.isOpened()).isFalse();
        _assertNone(ConcludeDialog.class);
        CockpitView view = _get(CockpitView.class);
        assertThat(view.statusHolder.getElement().getTextRecursively()).contains("✅").contains("Closed");
        assertThat(view.conclude.isVisible()).isFalse();
        assertThat(view.composer.isVisible()).isFalse();
        assertThat(view.outcomeSummary.getElement().getTextRecursively())
                .contains("Client did not buy").contains("Competitor").contains("BMW iX3")
                .contains("250,000 PLN").contains("Went for the BMW");

        SessionDetails stored = sessions.get(seller, id);
        assertThat(stored.status()).isEqualTo(SessionStatus.CLOSED);
        OutcomeData data = stored.outcomeData();
        assertThat(data.outcome()).isEqualTo("lost");
        assertThat(data.reason()).isEqualTo("competitor");
        assertThat(data.competitor()).isEqualTo("BMW iX3");
        assertThat(data.value()).isEqualByComparingTo("250000");
        assertThat(data.currency()).isEqualTo("PLN");
        assertThat(data.concludedBy()).isEqualTo(seller.username());
    }

    @Test
    void concludingWonNeedsOnlyTheOutcome() {
        Actor seller = testData.newUser(Role.SELLER);
        long id = startSession(seller);
        login(seller);
        ConcludeDialog dialog = openDialog(id);
        _setValue(dialog.outcome, Outcome.WON);
        _click(dialog.save);

        assertThat(sessions.get(seller, id).outcomeData().outcome()).isEqualTo("won");
        assertThat(_get(CockpitView.class).outcomeSummary.getElement().getTextRecursively()).contains("Client bought");
    }

    @Test
    void withoutAnOutcomeNothingIsSaved() {
        Actor seller = testData.newUser(Role.SELLER);
        long id = startSession(seller);
        login(seller);
        ConcludeDialog dialog = openDialog(id);
        _click(dialog.save);

        assertThat(dialog.outcome.isInvalid()).isTrue();
        assertThat(dialog.outcome.getErrorMessage()).isEqualTo("Choose whether the client bought.");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(sessions.get(seller, id).status()).isEqualTo(SessionStatus.ACTIVE);
    }

    @Test
    void concludingASessionThatWasConcludedInAnotherTabShowsTheConflictMessage() {
        Actor seller = testData.newUser(Role.SELLER);
        long id = startSession(seller);
        login(seller);
        ConcludeDialog dialog = openDialog(id);

        // the other tab concludes first
        sessions.conclude(seller, id, new Conclusion("won", null, null, null, null, null), null);

        _setValue(dialog.outcome, Outcome.LOST);
        _click(dialog.save);

        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.error.isVisible()).isTrue();
        assertThat(dialog.error.getText()).isEqualTo("This session has already been concluded.");
        assertThat(sessions.get(seller, id).outcomeData().outcome()).isEqualTo("won");
        // the cockpit behind the dialog now shows the real state
        assertThat(_get(CockpitView.class).composer.isVisible()).isFalse();
    }

    @Test
    void concludingFromAStaleTabShowsTheStaleSessionMessage() {
        Actor seller = testData.newUser(Role.SELLER);
        long id = startSession(seller);
        login(seller);
        ConcludeDialog dialog = openDialog(id);

        // another tab adds an interaction: the version this tab loaded is stale
        sessions.record(seller, new RecordInteraction(id, null, null, "note", "from the other tab", null));

        _setValue(dialog.outcome, Outcome.WON);
        _click(dialog.save);

        assertThat(dialog.error.getText())
                .isEqualTo("This session changed in another tab or by another user. Reload it and try again.");
        assertThat(sessions.get(seller, id).status()).isEqualTo(SessionStatus.ACTIVE);

        // after closing, the refreshed cockpit concludes with the fresh version
        dialog.close();
        ConcludeDialog fresh = openDialog(id);
        _setValue(fresh.outcome, Outcome.WON);
        _click(fresh.save);
        assertThat(sessions.get(seller, id).status()).isEqualTo(SessionStatus.CLOSED);
    }

    @Test
    void polishDialogUsesPolishLabels() {
        Actor seller = testData.newUser(Role.SELLER, "pl");
        long id = startSession(seller);
        login(seller);
        ConcludeDialog dialog = openDialog(id);
        assertThat(dialog.outcome.getItemLabelGenerator().apply(Outcome.WON)).isEqualTo("Klient kupił");
        assertThat(dialog.reason.getItemLabelGenerator().apply(LostReason.PRODUCT_FIT)).isEqualTo("Dopasowanie produktu");
    }
}
