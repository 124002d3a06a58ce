package com.salescopilot.analysis.push;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Holds one dedicated connection (outside the pool: it is held for the life of the process) that
 * LISTENs on the session-event channel and hands every notification to {@link SessionEventBus}.
 * Reconnects with a pause when the connection drops.
 */
@Component
class PgNotificationListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PgNotificationListener.class);

    private final SessionEventBus bus;
    private final DataSourceProperties dataSource;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile Thread thread;
    private volatile boolean listening;

    PgNotificationListener(SessionEventBus bus, DataSourceProperties dataSource) {
        this.bus = bus;
        this.dataSource = dataSource;
    }

    @Override
    public void start() {
        if (running.compareAndSet(false, true)) {
            thread = Thread.ofPlatform().daemon().name("pg-listen-" + SessionEventBus.CHANNEL).start(this::loop);
        }
    }

    @Override
    public void stop() {
        running.set(false);
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }

    /** True while the LISTEN connection is open (reported by health, awaited by tests). */
    boolean isListening() {
        return listening;
    }

    private void loop() {
        while (running.get()) {
            try (Connection connection = DriverManager.getConnection(dataSource.determineUrl(),
                    dataSource.determineUsername(), dataSource.determinePassword())) {
                try (Statement st = connection.createStatement()) {
                    st.execute("LISTEN " + SessionEventBus.CHANNEL);
                }
                listening = true;
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running.get()) {
                    PGNotification[] notifications = pg.getNotifications(500);
                    if (notifications == null) {
                        continue;
                    }
                    for (PGNotification n : notifications) {
                        try {
                            bus.deliver(SessionEvent.decode(n.getParameter()));
                        } catch (RuntimeException e) {
                            log.warn("Ignoring a malformed session event '{}': {}", n.getParameter(), e.toString());
                        }
                    }
                }
            } catch (SQLException e) {
                listening = false;
                if (running.get()) {
                    log.warn("Session-event listener lost its database connection ({}); reconnecting", e.getMessage());
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException ie) {
                        return;
                    }
                }
            } finally {
                listening = false;
            }
        }
    }
}
