package com.salescopilot.analysis.push;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Broadcasts session events to every open cockpit of that session, on every instance: events are
 * published with PostgreSQL {@code NOTIFY} (delivered when the publishing transaction commits, to
 * every instance that listens, this one included) and {@link PgNotificationListener} hands them to
 * the listeners registered here, keyed by session. Listeners are UI components: they register on
 * attach, remove themselves on detach, and update the page with {@code UI.access}.
 */
@Component
public class SessionEventBus {

    static final String CHANNEL = "copilot_session_events";
    private static final Logger log = LoggerFactory.getLogger(SessionEventBus.class);

    private final Map<Long, Set<Consumer<SessionEvent>>> listeners = new ConcurrentHashMap<>();
    private final JdbcClient jdbc;

    SessionEventBus(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Registers a listener for one session; run the returned handle to remove it. */
    public Runnable register(long sessionId, Consumer<SessionEvent> listener) {
        listeners.computeIfAbsent(sessionId, id -> new CopyOnWriteArraySet<>()).add(listener);
        return () -> listeners.computeIfPresent(sessionId, (id, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    /**
     * Publishes to all instances. Inside a transaction the notification leaves on commit (and not at
     * all on rollback), so a listener never hears of data it cannot read yet.
     */
    public void publish(SessionEvent event) {
        jdbc.sql("select pg_notify(?, ?)").param(CHANNEL).param(event.encode()).query().singleRow();
    }

    /**
     * A SQL expression that publishes an event whose reference id is the column {@code idColumn} of the
     * statement it is put in (one round trip instead of two on the seller's "send"), with the two
     * parameters from {@link #notifyParams}.
     */
    public String notifyExpression(String idColumn) {
        return "pg_notify(?, ? || " + idColumn + ")";
    }

    /** The parameters of {@link #notifyExpression}. */
    public Object[] notifyParams(SessionEvent.Kind kind, long sessionId) {
        return new Object[] {CHANNEL, SessionEvent.prefix(kind, sessionId)};
    }

    /** Delivers an event that arrived from the database to this instance's listeners. */
    void deliver(SessionEvent event) {
        Set<Consumer<SessionEvent>> set = listeners.get(event.sessionId());
        if (set == null) {
            return;
        }
        for (Consumer<SessionEvent> listener : set) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                log.warn("A session event listener failed: {}", e.toString());
            }
        }
    }

    /** How many listeners are registered for a session (for tests and health). */
    public int listenerCount(long sessionId) {
        Set<Consumer<SessionEvent>> set = listeners.get(sessionId);
        return set == null ? 0 : set.size();
    }
}
