package com.salescopilot.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.salescopilot.base.ConflictException;
import com.salescopilot.base.InvalidInputException;
import com.salescopilot.base.NotFoundException;
import com.salescopilot.client.ClientService;
import com.salescopilot.security.Actor;
import com.salescopilot.security.Role;
import com.salescopilot.support.IntegrationTest;
import com.salescopilot.support.TestData;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** The session lifecycle on the real database with the Liquibase schema. */
@IntegrationTest
@RecordApplicationEvents
class SessionServiceTest {

    @Autowired
    SessionService sessions;
    @Autowired
    ClientService clients;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEvents events;

    Actor seller;

    @BeforeEach
    void seller() {
        seller = data.newUser(Role.SELLER, "pl");
    }

    private RecordedInteraction start(Actor actor, String alias, String text) {
        return sessions.record(actor, new RecordInteraction(null, null, alias, "client_statement", text, null));
    }

    @Test
    void theFirstInteractionCreatesClientSessionAndInteractionTogether() {
        RecordedInteraction recorded = start(seller, "Pan Nowak", "Szuka auta dla rodziny");

        assertThat(recorded.sessionCreated()).isTrue();
        assertThat(recorded.clientCreated()).isTrue();
        SessionDetails session = sessions.get(seller, recorded.interaction().sessionId());
        assertThat(session.client().alias()).isEqualTo("Pan Nowak");
        assertThat(session.ownerId()).isEqualTo(seller.userId());
        assertThat(session.status()).isEqualTo(SessionStatus.ACTIVE);
        assertThat(session.language()).as("the user's language").isEqualTo("pl");
        assertThat(session.interactions()).extracting(InteractionView::text).containsExactly("Szuka auta dla rodziny");
        assertThat(events.stream(InteractionRecorded.class))
                .anyMatch(e -> e.interactionId() == recorded.interaction().id() && e.ownerId() == seller.userId());
    }

    @Test
    void aFailingFirstInteractionLeavesNoClientOrSessionBehind() {
        String alias = "Widmo " + UUID.randomUUID();
        assertThatThrownBy(() -> sessions.record(seller, new RecordInteraction(null, null, alias, "note", " ", null)))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors()).containsKey("text"));
        // a foreign client id fails after validation: the transaction must not leave a half-made session
        Actor other = data.newUser(Role.SELLER);
        long foreignClient = clients.create(other, "Cudzy", null).id();
        assertThatThrownBy(() -> sessions.record(seller, new RecordInteraction(null, foreignClient, null, "note", "x", null)))
                .isInstanceOf(NotFoundException.class);
        assertThat(clients.search(seller, alias, PageRequest.of(0, 10))).isEmpty();
        assertThat(sessions.dashboard(seller, SessionFilter.none(), PageRequest.of(0, 10))).isEmpty();
    }

    @Test
    void interactionsStayInOrderAndMoveTheSessionToTheTop() {
        long first = start(seller, "Pierwszy", "a").interaction().sessionId();
        long second = start(seller, "Drugi", "b").interaction().sessionId();
        sessions.record(seller, new RecordInteraction(first, null, null, "question", "c", null));
        sessions.record(seller, new RecordInteraction(first, null, null, "objection", "d", null));

        assertThat(sessions.get(seller, first).interactions()).extracting(InteractionView::text).containsExactly("a", "c", "d");
        assertThat(sessions.dashboard(seller, SessionFilter.none(), PageRequest.of(0, 10)).getContent())
                .extracting(SessionRow::id).containsExactly(first, second);
    }

    @Test
    void theConversationForBackgroundWorkHasEveryTurnInOrderAndOnlyForItsOwner() {
        RecordedInteraction first = start(seller, "Pani Zofia", "Szukam kombi");
        long sessionId = first.interaction().sessionId();
        Actor manager = data.newUser(Role.MANAGER);
        sessions.record(manager, new RecordInteraction(sessionId, null, null, "objection", "Za drogo", null));
        sessions.record(seller, new RecordInteraction(sessionId, null, null, "note", "Ma dwoje dzieci", null));

        Conversation conversation = sessions.conversation(seller.userId(), sessionId);

        assertThat(conversation.language()).isEqualTo("pl");
        assertThat(conversation.clientAlias()).isEqualTo("Pani Zofia");
        assertThat(conversation.status()).isEqualTo(SessionStatus.ACTIVE);
        assertThat(conversation.interactions()).extracting(InteractionView::text)
                .containsExactly("Szukam kombi", "Za drogo", "Ma dwoje dzieci");
        assertThat(conversation.interactions()).extracting(InteractionView::type)
                .containsExactly(InteractionType.CLIENT_STATEMENT, InteractionType.OBJECTION, InteractionType.NOTE);
        assertThat(conversation.interactions()).extracting(InteractionView::author)
                .containsExactly(seller.username(), manager.username(), seller.username());
        assertThat(conversation.interactions()).allSatisfy(i -> assertThat(i.sessionId()).isEqualTo(sessionId));
        assertThatThrownBy(() -> sessions.conversation(manager.userId(), sessionId))
                .as("the read is filtered by the session's owner").isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> sessions.conversation(seller.userId(), Long.MAX_VALUE)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void concludeClosesOnceAndRejectsStaleTabs() {
        long id = start(seller, "Kupujący", "Bierze").interaction().sessionId();
        long version = sessions.get(seller, id).version();
        sessions.record(seller, new RecordInteraction(id, null, null, "note", "z innej karty", null));

        assertThatThrownBy(() -> sessions.conclude(seller, id, won(), version))
                .isInstanceOf(ConflictException.class)
                .extracting(e -> ((ConflictException) e).messageKey()).isEqualTo("error.stale-session");

        SessionDetails closed = sessions.conclude(seller, id,
                new Conclusion("won", null, null, new BigDecimal("215000.00"), null, "Podpisane"), sessions.get(seller, id).version());
        assertThat(closed.status()).isEqualTo(SessionStatus.CLOSED);
        assertThat(closed.outcomeData().outcome()).isEqualTo("won");
        assertThat(closed.outcomeData().value()).isEqualByComparingTo("215000");
        assertThat(closed.outcomeData().currency()).isEqualTo("PLN");
        assertThat(closed.outcomeData().concludedBy()).isEqualTo(seller.username());
        assertThat(closed.outcomeData().concludedAt()).isNotNull();

        assertThatThrownBy(() -> sessions.conclude(seller, id, won(), null))
                .isInstanceOf(ConflictException.class)
                .extracting(e -> ((ConflictException) e).messageKey()).isEqualTo("error.already-closed");
        assertThatThrownBy(() -> sessions.record(seller, new RecordInteraction(id, null, null, "note", "late", null)))
                .isInstanceOf(ConflictException.class);
        // the JSON really is in the jsonb column, with the documented names and an ISO-8601 time
        var stored = jdbc.sql("""
                select outcome_data->>'outcome', outcome_data->>'concluded_by', outcome_data->>'concluded_at'
                from sales_session where id = ?""").param(id)
                .query((rs, n) -> java.util.List.of(rs.getString(1), rs.getString(2), rs.getString(3))).single();
        assertThat(stored.get(0)).isEqualTo("won");
        assertThat(stored.get(1)).isEqualTo(seller.username());
        assertThat(java.time.Instant.parse(stored.get(2))).isEqualTo(closed.outcomeData().concludedAt());
    }

    @Test
    void sellersAreIsolatedAndManagersSeeAll() {
        Actor other = data.newUser(Role.SELLER);
        Actor manager = data.newUser(Role.MANAGER);
        RecordedInteraction mine = start(seller, "Mój", "x");
        long id = mine.interaction().sessionId();

        assertThatThrownBy(() -> sessions.get(other, id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> sessions.interaction(other, mine.interaction().id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> sessions.record(other, new RecordInteraction(id, null, null, "note", "x", null)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> sessions.conclude(other, id, won(), null)).isInstanceOf(NotFoundException.class);
        assertThat(sessions.dashboard(other, SessionFilter.none(), PageRequest.of(0, 50)).getContent())
                .extracting(SessionRow::id).doesNotContain(id);

        assertThat(sessions.get(manager, id).owner()).isEqualTo(seller.username());
        // a manager's note is written by the manager but stays in the seller's session
        InteractionView note = sessions.record(manager, new RecordInteraction(id, null, null, "note", "coaching", null)).interaction();
        assertThat(note.author()).isEqualTo(manager.username());
        assertThat(sessions.get(seller, id).interactions()).extracting(InteractionView::text).containsExactly("x", "coaching");
    }

    @Test
    void erasingAClientErasesTheirSessionsAndInteractions() {
        RecordedInteraction recorded = start(seller, "RODO", "Proszę usunąć moje dane");
        long sessionId = recorded.interaction().sessionId();
        long clientId = sessions.get(seller, sessionId).client().id();

        clients.erase(data.admin(), clientId);

        assertThatThrownBy(() -> sessions.get(seller, sessionId)).isInstanceOf(NotFoundException.class);
        assertThat(jdbc.sql("select count(*) from interaction where session_id = ?").param(sessionId).query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from client where id = ?").param(clientId).query(Long.class).single()).isZero();
    }

    @Test
    void pagingAndFilters() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ids.add(start(seller, (i % 2 == 0 ? "Łukasz " : "Marta ") + i, "t" + i).interaction().sessionId());
        }
        sessions.conclude(seller, ids.get(1), new Conclusion("lost", "timing", null, null, null, null), null);

        Slice<SessionRow> page0 = sessions.dashboard(seller, SessionFilter.none(), PageRequest.of(0, 3));
        Slice<SessionRow> page1 = sessions.dashboard(seller, SessionFilter.none(), PageRequest.of(1, 3));
        Slice<SessionRow> page2 = sessions.dashboard(seller, SessionFilter.none(), PageRequest.of(2, 3));
        assertThat(page0.hasNext()).isTrue();
        assertThat(page2.hasNext()).isFalse();
        List<Long> all = new ArrayList<>();
        List.of(page0, page1, page2).forEach(p -> p.forEach(r -> all.add(r.id())));
        assertThat(all).containsExactly(ids.get(1), ids.get(6), ids.get(5), ids.get(4), ids.get(3), ids.get(2), ids.get(0));

        assertThat(sessions.dashboard(seller, new SessionFilter(SessionStatus.CLOSED, null, null), PageRequest.of(0, 10)))
                .extracting(SessionRow::id, SessionRow::outcome).containsExactly(org.assertj.core.groups.Tuple.tuple(ids.get(1), Outcome.LOST));
        assertThat(sessions.dashboard(seller, new SessionFilter(SessionStatus.ACTIVE, "ŁUKASZ", null), PageRequest.of(0, 10)))
                .extracting(SessionRow::id).containsExactly(ids.get(6), ids.get(4), ids.get(2), ids.get(0));
        assertThat(sessions.dashboard(seller, new SessionFilter(null, "lukasz 4", null), PageRequest.of(0, 10)))
                .extracting(SessionRow::id).containsExactly(ids.get(4));
        long clientOfThird = sessions.get(seller, ids.get(3)).client().id();
        assertThat(sessions.dashboard(seller, new SessionFilter(null, null, clientOfThird), PageRequest.of(0, 10)))
                .extracting(SessionRow::id).containsExactly(ids.get(3));
        // LIKE wildcards typed by the user are literal
        assertThat(sessions.dashboard(seller, new SessionFilter(null, "%", null), PageRequest.of(0, 10))).isEmpty();
    }

    private static Conclusion won() {
        return new Conclusion("won", null, null, null, null, null);
    }
}
