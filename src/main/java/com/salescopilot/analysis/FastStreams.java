package com.salescopilot.analysis;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * Fast answers streaming on this instance, by interaction: the latest snapshot and the UI listeners
 * that show it. A listener registering late first gets the current snapshot, so no token is missed.
 * Finished answers stay a short while for tabs that attach late; after that the database has them.
 */
@Component
public class FastStreams {

    private final Map<Long, LiveFastAnswer> live = new ConcurrentHashMap<>();
    private final Map<Long, Set<Consumer<LiveFastAnswer>>> listeners = new ConcurrentHashMap<>();

    public Optional<LiveFastAnswer> current(long interactionId) {
        return Optional.ofNullable(live.get(interactionId));
    }

    /** Registers a listener and hands it the current snapshot (if any). Run the handle to remove it. */
    public Runnable listen(long interactionId, Consumer<LiveFastAnswer> listener) {
        listeners.computeIfAbsent(interactionId, id -> new CopyOnWriteArraySet<>()).add(listener);
        LiveFastAnswer now = live.get(interactionId);
        if (now != null) {
            listener.accept(now);
        }
        return () -> listeners.computeIfPresent(interactionId, (id, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    void update(LiveFastAnswer answer) {
        live.put(answer.interactionId(), answer);
        Set<Consumer<LiveFastAnswer>> set = listeners.get(answer.interactionId());
        if (set != null) {
            set.forEach(l -> l.accept(answer));
        }
    }

    void forget(long interactionId) {
        live.remove(interactionId);
    }
}
