package com.salescopilot.analysis.queue;

import com.salescopilot.session.InteractionRecorded;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Queues the deep analysis of a session whenever an interaction is recorded: inside the recording
 * transaction (so the request is exactly as durable as the interaction), then wakes the worker once
 * the transaction has committed.
 */
@Component
class AnalysisTrigger {

    private final AnalysisJobQueue queue;
    private final AnalysisWorker worker;

    AnalysisTrigger(AnalysisJobQueue queue, AnalysisWorker worker) {
        this.queue = queue;
        this.worker = worker;
    }

    @EventListener
    void queueAnalysis(InteractionRecorded event) {
        queue.enqueue(event.sessionId(), event.interactionId(), event.ownerId());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void wakeWorker(InteractionRecorded event) {
        worker.wakeUp();
    }
}
