package com.salescopilot.analysis.ui;

import com.salescopilot.ai.ModelStatus;
import com.salescopilot.ai.ModelStatusService;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.Span;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Whether the model service is usable, as the last check found it (never waits for a check): a small
 * badge for the cockpit header, or a line in the analysis panel. Re-read every few seconds while shown.
 */
final class ModelStatusIndicator extends Span {

    static final long REFRESH_SECONDS = 10;

    private final ModelStatusService service;
    private final ScheduledExecutorService ticker;
    private final boolean compact;
    private ScheduledFuture<?> refresh;
    private ModelStatus status;

    ModelStatusIndicator(ModelStatusService service, ScheduledExecutorService ticker, boolean compact) {
        this.service = service;
        this.ticker = ticker;
        this.compact = compact;
        addClassNames("model-status", compact ? "model-status-badge" : "model-status-line");
        show(service.lastKnown());
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        show(service.lastKnown());
        LatestOnly<ModelStatus> updates = new LatestOnly<>(attachEvent.getUI(), this::show);
        // never checked yet (a fresh start): the check lastKnown() started is usually done within a second
        long first = status.checkedAt() == null ? 1 : REFRESH_SECONDS;
        try {
            refresh = ticker.scheduleWithFixedDelay(() -> updates.offer(service.lastKnown()), first,
                    REFRESH_SECONDS, TimeUnit.SECONDS);
        } catch (RejectedExecutionException e) {
            refresh = null; // shutting down
        }
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (refresh != null) {
            refresh.cancel(false);
            refresh = null;
        }
        super.onDetach(detachEvent);
    }

    ModelStatus status() {
        return status;
    }

    void show(ModelStatus next) {
        if (next.equals(status)) {
            return;
        }
        status = next;
        String state = next.ready() ? "ok" : next.checkedAt() == null ? "unknown"
                : next.reachable() ? "warning" : "error";
        getElement().setAttribute("data-state", state);
        String missing = String.join(", ", next.missingModels());
        String full = getTranslation(next.messageKey(), missing);
        if (compact) {
            setText(getTranslation("model.badge." + state));
            setTitle(full);
            getElement().setAttribute("aria-label", full);
        } else {
            setText(full);
        }
    }
}
