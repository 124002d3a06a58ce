package com.salescopilot.session;

import com.salescopilot.base.ConflictException;
import com.salescopilot.base.InvalidInputException;
import com.salescopilot.base.NotFoundException;
import com.salescopilot.base.Texts;
import com.salescopilot.client.ClientService;
import com.salescopilot.client.ClientSummary;
import com.salescopilot.security.Actor;
import com.salescopilot.security.SupportedLocales;
import com.salescopilot.security.UserService;
import com.salescopilot.session.domain.ConversationQuery;
import com.salescopilot.session.domain.DashboardQuery;
import com.salescopilot.session.domain.Interaction;
import com.salescopilot.session.domain.InteractionRepository;
import com.salescopilot.session.domain.SalesSession;
import com.salescopilot.session.domain.SessionRepository;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The door of the session module. Every read and write is filtered by the acting user: a seller
 * reaches only their own sessions (anything else is "not found"), a manager and an admin reach all.
 */
@Service
@Transactional
public class SessionService {

    private final SessionRepository sessions;
    private final InteractionRepository interactions;
    private final DashboardQuery dashboard;
    private final ConversationQuery conversationQuery;
    private final ClientService clients;
    private final UserService users;
    private final ApplicationEventPublisher events;
    private final SalesProperties sales;
    private final Clock clock;

    SessionService(SessionRepository sessions, InteractionRepository interactions, DashboardQuery dashboard,
                   ConversationQuery conversationQuery, ClientService clients, UserService users, ApplicationEventPublisher events, SalesProperties sales,
                   Clock clock) {
        this.sessions = sessions;
        this.interactions = interactions;
        this.dashboard = dashboard;
        this.conversationQuery = conversationQuery;
        this.clients = clients;
        this.users = users;
        this.events = events;
        this.sales = sales;
        this.clock = clock;
    }

    /** Newest activity first; no total count (it would scan the table). */
    @Transactional(readOnly = true)
    public Slice<SessionRow> dashboard(Actor actor, SessionFilter filter, Pageable pageable) {
        return dashboard.page(actor.seesEveryone() ? null : actor.userId(), filter, pageable);
    }

    @Transactional(readOnly = true)
    public SessionDetails get(Actor actor, long sessionId) {
        return details(actor, loadVisible(actor, sessionId));
    }

    @Transactional(readOnly = true)
    public InteractionView interaction(Actor actor, long interactionId) {
        Interaction interaction = interactions.findById(interactionId)
                .filter(i -> actor.canSee(i.getOwnerId()))
                .orElseThrow(() -> new NotFoundException("Interaction", interactionId));
        return toView(interaction, users.usernames(Set.of(interaction.getAuthorId())));
    }

    /**
     * The conversation for background work (the analysis worker has no logged-in user): the owner's id
     * travels with the job and the read is filtered by it.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public Conversation conversation(long ownerId, long sessionId) {
        // one statement, no transaction of its own: the fast path asks for it on the seller's critical path
        return conversationQuery.find(ownerId, sessionId).orElseThrow(() -> new NotFoundException("Session", sessionId));
    }

    /** Whether the actor may see the session (without loading it whole). */
    @Transactional(readOnly = true)
    public boolean canSee(Actor actor, long sessionId) {
        return sessions.findById(sessionId).map(s -> actor.canSee(s.getOwnerId())).orElse(false);
    }

    /**
     * Stores an interaction, creating the session (and the client) first when none is given. This
     * transaction calls no model: listeners of {@link InteractionRecorded} run after it commits.
     */
    public RecordedInteraction record(Actor actor, RecordInteraction command) {
        Texts.Check check = new Texts.Check();
        String text = check.required("text", command.text(), Texts.INTERACTION_MAX);
        InteractionType type = parseType(check, command.type());
        String alias = null;
        if (command.sessionId() == null && command.clientId() == null) {
            alias = check.required("client_alias", command.clientAlias(), Texts.ALIAS_MAX);
        }
        check.throwIfAny();

        Instant now = clock.instant();
        boolean sessionCreated = false;
        boolean clientCreated = false;
        SalesSession session;
        if (command.sessionId() != null) {
            session = sessions.findForUpdate(command.sessionId())
                    .filter(s -> actor.canSee(s.getOwnerId()))
                    .orElseThrow(() -> new NotFoundException("Session", command.sessionId()));
            if (session.isClosed()) {
                throw new ConflictException("error.session-closed",
                        "Session " + session.getId() + " is closed; a closed session is read-only");
            }
        } else {
            ClientSummary client;
            if (command.clientId() != null) {
                client = clients.get(actor, command.clientId());
            } else {
                client = clients.create(actor, alias, null);
                clientCreated = true;
            }
            String language = command.language() != null
                    ? SupportedLocales.of(command.language()).getLanguage()
                    : users.localeOf(actor.userId()).getLanguage();
            session = sessions.save(new SalesSession(client.id(), client.ownerId(), language, now));
            sessionCreated = true;
        }
        Interaction saved = interactions.save(new Interaction(session.getId(), session.getOwnerId(), actor.userId(),
                type, text, now));
        session.touch(now);
        events.publishEvent(new InteractionRecorded(saved.getId(), session.getId(), session.getOwnerId(),
                session.getLanguage(), saved.getText()));
        return new RecordedInteraction(toView(saved, Map.of(actor.userId(), actor.username())), sessionCreated,
                clientCreated);
    }

    /**
     * Concludes a session with an outcome. {@code expectedVersion} (when not null) is the version the
     * caller saw: if the session changed since (another tab), or it is already closed, it is a conflict.
     */
    public SessionDetails conclude(Actor actor, long sessionId, Conclusion conclusion, Long expectedVersion) {
        Texts.Check check = new Texts.Check();
        Outcome outcome = null;
        if (conclusion.outcome() == null || conclusion.outcome().isBlank()) {
            check.fail("outcome", "is required: won (the client bought) or lost (the client did not buy)");
        } else {
            try {
                outcome = Outcome.fromCode(conclusion.outcome());
            } catch (IllegalArgumentException e) {
                check.fail("outcome", "must be won (the client bought) or lost (the client did not buy)");
            }
        }
        LostReason reason = null;
        String competitor = check.optional("competitor", conclusion.competitor(), Texts.COMPETITOR_MAX);
        if (conclusion.reason() != null && !conclusion.reason().isBlank()) {
            if (outcome == Outcome.WON) {
                check.fail("reason", "is given only when the outcome is lost");
            } else {
                try {
                    reason = LostReason.fromCode(conclusion.reason());
                } catch (IllegalArgumentException e) {
                    check.fail("reason", "must be one of price, competitor, timing, financing, product_fit, no_response, other");
                }
            }
        }
        if (outcome == Outcome.WON && competitor != null) {
            check.fail("competitor", "is given only when the outcome is lost");
        }
        BigDecimal value = conclusion.value();
        if (value != null && value.signum() < 0) {
            check.fail("value", "must not be negative");
        }
        String note = check.optional("note", conclusion.note(), Texts.NOTE_MAX);
        String currency = check.optional("currency", conclusion.currency(), 3);
        check.throwIfAny();

        SalesSession session = loadVisibleForUpdate(actor, sessionId);
        if (session.isClosed()) {
            throw new ConflictException("error.already-closed", "Session " + sessionId + " is already concluded");
        }
        if (expectedVersion != null && expectedVersion != session.getVersion()) {
            throw new ConflictException("error.stale-session",
                    "Session " + sessionId + " changed in another tab or by another user; reload it and try again");
        }
        Instant now = clock.instant();
        OutcomeData data = new OutcomeData(outcome.code(), reason == null ? null : reason.code(), competitor, value,
                value == null ? null : (currency == null ? sales.currency() : currency.toUpperCase()), note,
                actor.username(), actor.userId(), now);
        session.conclude(data, outcome, now);
        sessions.flush();
        events.publishEvent(new SessionConcluded(sessionId, session.getOwnerId(), outcome));
        return details(actor, session);
    }

    private SessionDetails details(Actor actor, SalesSession session) {
        ClientSummary client = clients.get(actor, session.getClientId());
        List<Interaction> conversation = interactions.findBySessionInOrder(session.getId());
        Set<Long> userIds = new HashSet<>();
        userIds.add(session.getOwnerId());
        conversation.forEach(i -> userIds.add(i.getAuthorId()));
        Map<Long, String> names = users.usernames(userIds);
        return new SessionDetails(session.getId(), client, session.getOwnerId(), names.get(session.getOwnerId()),
                session.getStatus(), session.getOutcomeData(), session.getLanguage(), session.getCreatedAt(),
                session.getLastActivityAt(), session.getVersion(),
                conversation.stream().map(i -> toView(i, names)).toList());
    }

    private SalesSession loadVisible(Actor actor, long sessionId) {
        return sessions.findById(sessionId)
                .filter(s -> actor.canSee(s.getOwnerId()))
                .orElseThrow(() -> new NotFoundException("Session", sessionId));
    }

    private SalesSession loadVisibleForUpdate(Actor actor, long sessionId) {
        return sessions.findForUpdate(sessionId)
                .filter(s -> actor.canSee(s.getOwnerId()))
                .orElseThrow(() -> new NotFoundException("Session", sessionId));
    }

    private static InteractionType parseType(Texts.Check check, String type) {
        if (type == null || type.isBlank()) {
            check.fail("type", "is required: observation, client_statement, question, objection, clarification or note");
            return null;
        }
        try {
            return InteractionType.fromCode(type);
        } catch (IllegalArgumentException e) {
            check.fail("type", "must be observation, client_statement, question, objection, clarification or note");
            return null;
        }
    }

    private static InteractionView toView(Interaction i, Map<Long, String> names) {
        return new InteractionView(i.getId(), i.getSessionId(), i.getType(), i.getText(), i.getAuthorId(),
                names.getOrDefault(i.getAuthorId(), "?"), i.getCreatedAt());
    }

    /** Thrown for callers that pass a status filter as text. */
    public static SessionStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return SessionStatus.fromCode(status);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("status", "must be active or closed");
        }
    }
}
