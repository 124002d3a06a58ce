package com.salescopilot.analysis;

import com.salescopilot.analysis.domain.AnalysisStore;
import com.salescopilot.analysis.queue.AnalysisJob;
import com.salescopilot.analysis.queue.AnalysisJobQueue;
import com.salescopilot.analysis.queue.AnalysisWorker;
import com.salescopilot.base.ConflictException;
import com.salescopilot.base.NotFoundException;
import com.salescopilot.security.Actor;
import com.salescopilot.base.InvalidInputException;
import com.salescopilot.session.InteractionType;
import com.salescopilot.session.InteractionView;
import com.salescopilot.session.RecordInteraction;
import com.salescopilot.session.RecordedInteraction;
import com.salescopilot.session.SessionDetails;
import com.salescopilot.session.SessionService;
import java.util.ArrayList;
import java.util.HashMap;
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

    /**
     * The evidence check of an analysis: as stored with it, or (for an analysis stored before checks
     * existed) made now against the session's text up to the analysed interaction.
     */
    public EvidenceCheck evidence(Actor actor, StoredAnalysis analysis) {
        requireVisible(actor, analysis.sessionId());
        return store.evidence(analysis.id()).orElseGet(() -> {
            List<String> texts = new ArrayList<>();
            for (InteractionView interaction : sessions.get(actor, analysis.sessionId()).interactions()) {
                texts.add(interaction.text());
                if (interaction.id() == analysis.interactionId()) {
                    break;
                }
            }
            return EvidenceCheck.of(analysis.result(), texts);
        });
    }

    /**
     * The session's trend: per interaction that has an analysis, the newest analysis's temperature,
     * churn risk and probability, in conversation order.
     */
    public List<TrendPoint> trend(Actor actor, long sessionId) {
        SessionDetails session = sessions.get(actor, sessionId);
        Map<Long, Integer> numbers = new HashMap<>();
        for (int i = 0; i < session.interactions().size(); i++) {
            numbers.put(session.interactions().get(i).id(), i + 1);
        }
        Map<Long, StoredAnalysis> newestPerInteraction = new LinkedHashMap<>();
        store.historyOfSession(sessionId).forEach(a -> newestPerInteraction.put(a.interactionId(), a));
        List<TrendPoint> points = new ArrayList<>();
        newestPerInteraction.values().stream()
                .filter(a -> numbers.containsKey(a.interactionId()))
                .sorted(java.util.Comparator.comparingInt((StoredAnalysis a) -> numbers.get(a.interactionId())))
                .forEach(a -> {
                    Indicators indicators = a.result().indicators();
                    points.add(new TrendPoint(numbers.get(a.interactionId()), a.interactionId(), a.createdAt(),
                            indicators == null || indicators.purchaseTemperature() == null ? null
                                    : indicators.purchaseTemperature().score(),
                            indicators == null || indicators.churnRisk() == null ? null : indicators.churnRisk().score(),
                            indicators == null || indicators.salesPotential() == null ? null
                                    : indicators.salesPotential().probability()));
                });
        return points;
    }

    /** The clarifying questions answered in the session, oldest first. */
    public List<AnsweredQuestion> answeredQuestions(Actor actor, long sessionId) {
        requireVisible(actor, sessionId);
        return store.answeredQuestions(sessionId);
    }

    /**
     * The seller answers clarifying question {@code questionId} ({@code cq_1}, {@code cq_2}) of an
     * analysis with option A or B: a clarification interaction is recorded in the session (which, like
     * every interaction, queues a new analysis) and the answer is stored, so the question is not shown
     * again and the next prompt tells the model it was answered. Answering the same question twice is a
     * conflict.
     */
    @Transactional
    public RecordedInteraction answerClarifyingQuestion(Actor actor, long analysisId, String questionId, char choice) {
        StoredAnalysis analysis = store.find(analysisId)
                .filter(a -> sessions.canSee(actor, a.sessionId()))
                .orElseThrow(() -> new NotFoundException("Analysis", analysisId));
        char option = Character.toUpperCase(choice);
        if (option != 'A' && option != 'B') {
            throw new InvalidInputException(Map.of("choice", "must be A or B"));
        }
        ClarifyingQuestion question = analysis.result().clarifyingQuestion(questionId)
                .orElseThrow(() -> new NotFoundException("Clarifying question", questionId));
        boolean answered = store.answeredQuestions(analysis.sessionId()).stream().anyMatch(a -> a.answers(question));
        if (answered) {
            throw new ConflictException("error.question-answered", "This question has already been answered");
        }
        String answer = option == 'A' ? question.optionA() : question.optionB();
        String text = question.question().strip() + " → " + answer.strip();
        RecordedInteraction recorded = sessions.record(actor, new RecordInteraction(analysis.sessionId(), null, null,
                InteractionType.CLARIFICATION.code(), text, null));
        if (!store.saveAnswer(analysis.sessionId(), sessions.get(actor, analysis.sessionId()).ownerId(),
                recorded.interaction().id(), analysis.id(), question.question(), option, answer, actor.userId())) {
            // answered in another tab a moment ago: the exception rolls the interaction back too
            throw new ConflictException("error.question-answered", "This question has already been answered");
        }
        return recorded;
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
