package com.salescopilot.analysis;

import com.salescopilot.analysis.domain.AnalysisStore;
import com.salescopilot.analysis.queue.AnalysisJob;
import com.salescopilot.analysis.queue.AnalysisJobQueue;
import com.salescopilot.analysis.queue.AnalysisWorker;
import com.salescopilot.base.ConflictException;
import com.salescopilot.base.NotFoundException;
import com.salescopilot.security.Actor;
import com.salescopilot.session.InteractionView;
import com.salescopilot.session.SessionService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The door of the analysis module for views, the API and other modules: fast answers, the session's
 * analysis and its state, history for trends, the suggestions feedback points at, and retry.
 * Every call checks that the actor may see the session.
 */
@Service
@Transactional(readOnly = true)
public class AnalysisService {

    private final SessionService sessions;
    private final AnalysisStore store;
    private final AnalysisJobQueue queue;
    private final AnalysisWorker worker;
    private final FastStreams streams;
    private final KnowledgeRetriever knowledge;

    AnalysisService(SessionService sessions, AnalysisStore store, AnalysisJobQueue queue, AnalysisWorker worker,
                    FastStreams streams, List<KnowledgeRetriever> knowledge) {
        this.knowledge = knowledge.getFirst();
        this.sessions = sessions;
        this.store = store;
        this.queue = queue;
        this.worker = worker;
        this.streams = streams;
    }

    /** A knowledge nugget an analysis was based on (a "based on" chip), by the id the prompt showed. */
    public Optional<KnowledgeRetriever.RetrievedKnowledge> knowledge(Actor actor, String nuggetId) {
        java.util.Objects.requireNonNull(actor);
        return knowledge.find(nuggetId);
    }

    public Optional<StoredAnalysis> latest(Actor actor, long sessionId) {
        requireVisible(actor, sessionId);
        return store.latestOfSession(sessionId);
    }

    /** The analysis made for one interaction (absent while pending, failed or superseded by a newer one). */
    public Optional<StoredAnalysis> analysisOfInteraction(Actor actor, long interactionId) {
        sessions.interaction(actor, interactionId);
        return store.latestOfInteraction(interactionId);
    }

    /** Every analysis of the session, oldest first. */
    public List<StoredAnalysis> history(Actor actor, long sessionId) {
        requireVisible(actor, sessionId);
        return store.historyOfSession(sessionId);
    }

    public AnalysisState state(Actor actor, long sessionId) {
        requireVisible(actor, sessionId);
        return queue.latestOfSession(sessionId).map(AnalysisService::state).orElse(AnalysisState.none());
    }

    /** The state of the analysis request made for one interaction (it may have been superseded). */
    public AnalysisState stateOfInteraction(Actor actor, long interactionId) {
        sessions.interaction(actor, interactionId);
        return queue.latestOfInteraction(interactionId).map(AnalysisService::state).orElse(AnalysisState.none());
    }

    public Optional<FastAnswerView> fastAnswer(Actor actor, long interactionId) {
        sessions.interaction(actor, interactionId);
        return store.fast(interactionId);
    }

    /** Fast answers of a session by interaction id (for rendering a whole conversation at once). */
    public Map<Long, FastAnswerView> fastAnswers(Actor actor, long sessionId) {
        requireVisible(actor, sessionId);
        Map<Long, FastAnswerView> byInteraction = new LinkedHashMap<>();
        store.fastOfSession(sessionId).forEach(f -> byInteraction.put(f.interactionId(), f));
        return byInteraction;
    }

    /** The live state of a fast answer streaming on this instance, if any. */
    public Optional<LiveFastAnswer> live(long interactionId) {
        return streams.current(interactionId);
    }

    /**
     * The suggestion with this id of this interaction: from its fast answer ({@code qr_}, {@code sq_})
     * or from the analysis made for it.
     */
    public Optional<Suggestion> suggestion(Actor actor, long interactionId, String suggestionId) {
        sessions.interaction(actor, interactionId);
        if (suggestionId == null) {
            return Optional.empty();
        }
        Optional<Suggestion> fast = store.fast(interactionId).map(FastAnswerView::result)
                .flatMap(r -> r.suggestion(suggestionId));
        if (fast.isPresent()) {
            return fast;
        }
        return store.latestOfInteraction(interactionId).flatMap(a -> a.result().suggestion(suggestionId));
    }

    /** The profile and indicators of the session's latest analysis, for feedback context. */
    public Map<String, Object> contextSnapshot(long sessionId) {
        Map<String, Object> context = new LinkedHashMap<>();
        store.latestOfSession(sessionId).ifPresent(a -> {
            context.put("analysis_id", a.id());
            context.put("big_five", a.result().bigFive());
            context.put("disc", a.result().disc());
            context.put("schwartz_values", a.result().schwartzValues());
            context.put("indicators", a.result().indicators());
            context.put("archetype", a.result().strategy() == null ? null : a.result().strategy().archetype());
            context.put("overall_confidence", a.result().overallConfidence());
        });
        return context;
    }

    /** Queues a new attempt of the session's failed analysis (the interaction names the session). */
    @Transactional
    public AnalysisState retry(Actor actor, long interactionId) {
        InteractionView interaction = sessions.interaction(actor, interactionId);
        Optional<Long> job = queue.retryFailed(interaction.sessionId());
        if (job.isEmpty()) {
            throw new ConflictException("error.nothing-to-retry", "The analysis of this session has not failed; nothing to retry");
        }
        worker.wakeUp();
        return queue.find(job.get()).map(AnalysisService::state).orElseThrow();
    }

    private void requireVisible(Actor actor, long sessionId) {
        if (!sessions.canSee(actor, sessionId)) {
            throw new NotFoundException("Session", sessionId);
        }
    }

    static AnalysisState state(AnalysisJob job) {
        AnalysisStatus status = switch (job.status()) {
            case QUEUED -> AnalysisStatus.PENDING;
            case RUNNING -> AnalysisStatus.RUNNING;
            case DONE -> AnalysisStatus.DONE;
            case FAILED -> AnalysisStatus.FAILED;
            case SUPERSEDED -> AnalysisStatus.PENDING;
        };
        var since = switch (job.status()) {
            case RUNNING -> job.startedAt();
            case DONE, FAILED -> job.finishedAt();
            default -> job.createdAt();
        };
        return new AnalysisState(status, job.id(), job.interactionId(), since, job.attempts(), job.maxAttempts(),
                status == AnalysisStatus.PENDING && job.errorCode() != null ? job.runAfter() : null,
                job.errorCode(), job.errorMessage());
    }
}
