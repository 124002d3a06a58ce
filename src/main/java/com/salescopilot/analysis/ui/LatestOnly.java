package com.salescopilot.analysis.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Hands values from background threads to a UI, coalesced: only the newest value is kept, and at most
 * one {@code UI.access} task is pending at a time. A stream of tokens thus costs one UI update per
 * round trip, however fast the tokens come, and the UI never falls behind showing stale snapshots.
 */
final class LatestOnly<T> {

    private final UI ui;
    private final Consumer<T> apply;
    private final AtomicReference<T> latest = new AtomicReference<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    LatestOnly(UI ui, Consumer<T> apply) {
        this.ui = ui;
        this.apply = apply;
    }

    /** Keeps {@code value} as the newest and makes sure an update of the UI is on its way. */
    void offer(T value) {
        latest.set(value);
        if (scheduled.compareAndSet(false, true)) {
            try {
                ui.access(this::drain);
            } catch (UIDetachedException e) {
                scheduled.set(false); // the tab is gone; its listeners are being removed
            }
        }
    }

    private void drain() {
        // cleared first: a value offered while this runs schedules the next update
        scheduled.set(false);
        T value = latest.getAndSet(null);
        if (value != null) {
            apply.accept(value);
        }
    }
}
