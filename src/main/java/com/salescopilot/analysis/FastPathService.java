package com.salescopilot.analysis;

import com.salescopilot.ai.AiFailure;
import com.salescopilot.ai.AiFailureReason;
import com.salescopilot.ai.AiProperties;
import com.salescopilot.ai.GuardedStreaming;
import com.salescopilot.ai.StreamHandle;
import com.salescopilot.ai.StreamListener;
import com.salescopilot.ai.StreamResult;
import com.salescopilot.analysis.ai.AnalysisPrompts;
import com.salescopilot.analysis.ai.AnalysisPrompts.KnowledgeBlock;
import com.salescopilot.analysis.ai.AnswerLanguage;
import com.salescopilot.analysis.ai.FastAnswer;
import com.salescopilot.analysis.ai.FastAnswerStreamParser;
import com.salescopilot.analysis.ai.KnowledgeSnippet;
import com.salescopilot.analysis.ai.Turn;
import com.salescopilot.analysis.domain.AnalysisStore;
import com.salescopilot.analysis.push.SessionEvent;
import com.salescopilot.analysis.push.SessionEventBus;
import com.salescopilot.base.ConflictException;
import com.salescopilot.base.NotFoundException;
import com.salescopilot.security.Actor;
import com.salescopilot.session.Conversation;
import com.salescopilot.session.InteractionRecorded;
import com.salescopilot.session.InteractionView;
import com.salescopilot.session.SessionService;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The fast path: after an interaction is committed, stream the model's answer (what to say now and
 * questions to ask) to the open cockpits of this instance as it arrives, then store it with stable
 * suggestion ids and announce it to every instance. Nothing here runs on the request thread.
 */
@Service
public class FastPathService {

    private static final Logger log = LoggerFactory.getLogger(FastPathService.class);

    private final SessionService sessions;
    private final GuardedStreaming streaming;
    private final AiProperties ai;
    private final PlaybookService playbooks;
    private final KnowledgeRetriever knowledge;
    private final AnalysisStore store;
    private final FastStreams streams;
    private final SessionEventBus bus;
    private final PromptBudget budget;
    private final AnalysisPrompts prompts = AnalysisPrompts.standard();
    private final Map<Long, StreamHandle> running = new ConcurrentHashMap<>();
    /** The client archetype each session's last fast answer retrieved for (most recently used 10,000 sessions). */
    private final Map<Long, String> archetypes = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
            return size() > 10_000;
        }
    });
    /** Runs the fast path's side work (its row, a parallel read, the based-on ids) on virtual threads. */
    private static final Executor ASYNC = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService cleanup = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("fast-path-cleanup").factory());

    FastPathService(SessionService sessions, GuardedStreaming streaming, AiProperties ai, PlaybookService playbooks,
                    List<KnowledgeRetriever> knowledge, AnalysisStore store, FastStreams streams, SessionEventBus bus,
                    PromptBudget budget) {
        this.sessions = sessions;
        this.streaming = streaming;
        this.ai = ai;
        this.playbooks = playbooks;
        this.knowledge = knowledge.getFirst();
        this.store = store;
        this.streams = streams;
        this.bus = bus;
        this.budget = budget;
    }

    /**
     * Inside the interaction's transaction, before its commit: start embedding the retrieval query (the
     * newest turn, which is all it needs) so that it is ready, or nearly, when the fast path searches.
     * If the interaction rolls back, the unused vector is dropped later. Never fails the transaction.
     */
    @EventListener
    void prepareRetrieval(InteractionRecorded event) {
        try {
            knowledge.prepare(retrievalQuery(event));
        } catch (RuntimeException e) {
            log.warn("Could not prepare the retrieval of interaction {}: {}", event.interactionId(), e.getMessage());
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void onInteractionRecorded(InteractionRecorded event) {
        // the listener runs on the request thread: mark it pending there (the cockpit shows "typing" at
        // once) and do the rest on a virtual thread
        streams.update(new LiveFastAnswer(event.interactionId(), FastStatus.PENDING, "", List.of(), false, null, null, null));
        Thread.ofVirtual().name("fast-path-" + event.interactionId()).start(() -> run(event));
    }

    /** Stops a streaming answer the seller no longer wants. */
    public void cancel(Actor actor, long interactionId) {
        InteractionView interaction = sessions.interaction(actor, interactionId); // 404 for foreign ids
        StreamHandle handle = running.get(interaction.id());
        if (handle == null) {
            throw new ConflictException("error.fast-not-running", "No answer is being generated for this interaction");
        }
        handle.cancel();
    }

    private void run(InteractionRecorded event) {
        long interactionId = event.interactionId();
        long started = System.nanoTime();
        // the fast_answer row is written beside the model call, not before it: the call is on the seller's
        // critical path and the row is needed only once the first token arrives (every later write of this
        // answer waits for it)
        CompletableFuture<Void> row = CompletableFuture.runAsync(
                () -> store.fastStarted(interactionId, event.sessionId(), event.ownerId(), ai.fast().model()), ASYNC);
        try {
            ChatRequest request = request(event, row);
            FastAnswerStreamParser parser = new FastAnswerStreamParser(e -> { });
            StreamHandle handle = streaming.stream(request, new StreamListener() {
                private boolean first = true;
                private boolean late;

                @Override
                public void onToken(String token) {
                    parser.feed(token);
                    FastAnswer now = parser.snapshot();
                    streams.update(new LiveFastAnswer(interactionId, FastStatus.STREAMING, now.quickResponse(),
                            now.questions(), late, null, null, null));
                    if (first) {
                        // after the cockpits have the token: this write (and its commit) is not on their way
                        first = false;
                        int firstTokenMs = millisSince(started);
                        row.thenRun(() -> store.fastStreaming(interactionId, firstTokenMs));
                    }
                }

                @Override
                public void onFirstTokenLate(Duration waited) {
                    late = true;
                    FastAnswer now = parser.snapshot();
                    streams.update(new LiveFastAnswer(interactionId, first ? FastStatus.PENDING : FastStatus.STREAMING,
                            now.quickResponse(), now.questions(), true, null, null, null));
                }

                @Override
                public void onComplete(StreamResult result) {
                    FastResult answer = parser.finish().toResult(interactionId);
                    Integer ttft = result.firstTokenAfter() == null ? null : (int) result.firstTokenAfter().toMillis();
                    finish(event, row, () -> store.fastDone(interactionId, answer, result.text(), ttft, millisSince(started)),
                            new LiveFastAnswer(interactionId, FastStatus.DONE, answer.quickResponse(), answer.questions(),
                                    late, null, null, answer));
                }

                @Override
                public void onError(AiFailure failure, String partialText) {
                    FastStatus status = failure.reason() == AiFailureReason.CANCELLED ? FastStatus.CANCELLED : FastStatus.FAILED;
                    FastAnswer partial = FastAnswerStreamParser.parse(partialText == null ? "" : partialText);
                    String code = failure.reason().name().toLowerCase();
                    finish(event, row, () -> store.fastFailed(interactionId, status, partialText, code, failure.defaultMessage(),
                                    millisSince(started)),
                            new LiveFastAnswer(interactionId, status, partial.quickResponse(), partial.questions(), late,
                                    failure.messageKey(), failure.defaultMessage(), null));
                }
            });
            running.put(interactionId, handle);
            if (handle.isDone()) {
                running.remove(interactionId);
            }
        } catch (RuntimeException e) {
            log.error("The fast path of interaction {} could not start", interactionId, e);
            finish(event, row, () -> store.fastFailed(interactionId, FastStatus.FAILED, null, "internal",
                    "The answer could not be prepared because of an internal error.", millisSince(started)),
                    new LiveFastAnswer(interactionId, FastStatus.FAILED, "", List.of(), false, "ai.error.other",
                            "The answer could not be prepared because of an internal error.", null));
        }
    }

    private void finish(InteractionRecorded event, CompletableFuture<Void> row, Runnable persist, LiveFastAnswer last) {
        running.remove(event.interactionId());
        try {
            row.join();
            persist.run();
            bus.publish(new SessionEvent(SessionEvent.Kind.FAST_DONE, event.sessionId(), event.interactionId()));
        } catch (RuntimeException e) {
            log.error("Could not store the fast answer of interaction {}", event.interactionId(),
                    e instanceof CompletionException && e.getCause() != null ? e.getCause() : e);
        }
        streams.update(last);
        cleanup.schedule(() -> streams.forget(event.interactionId()), 2, TimeUnit.MINUTES);
    }

    ChatRequest request(InteractionRecorded event, CompletableFuture<Void> row) {
        // three reads at once: the conversation (here), the latest profile, and the knowledge for the newest
        // turn (it needs the turn's text and the session's language, both in the event, and the client's
        // archetype, which is the profile's: the search starts with the archetype this session's previous
        // answer used and is redone in the rare case the profile now says otherwise)
        CompletableFuture<AnalysisResult> latestProfile = CompletableFuture.supplyAsync(
                () -> store.latestOfSession(event.sessionId()).map(StoredAnalysis::result).orElse(null), ASYNC);
        String query = retrievalQuery(event);
        String guessedArchetype = archetypes.get(event.sessionId());
        CompletableFuture<List<KnowledgeSnippet>> retrieved = CompletableFuture.supplyAsync(
                () -> Retrieval.snippets(knowledge, query, guessedArchetype, event.language(), 5, true), ASYNC);
        Conversation conversation;
        AnalysisResult profile;
        List<KnowledgeSnippet> snippets;
        try {
            conversation = sessions.conversation(event.ownerId(), event.sessionId());
            profile = latestProfile.join();
            String archetype = Retrieval.archetypeOf(profile);
            if (archetype == null) {
                archetypes.remove(event.sessionId());
            } else {
                archetypes.put(event.sessionId(), archetype);
            }
            snippets = Objects.equals(archetype, guessedArchetype) ? retrieved.join()
                    : Retrieval.snippets(knowledge, query, archetype, event.language(), 5, true);
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        List<Turn> earlier = new ArrayList<>();
        Turn latest = null;
        List<InteractionView> interactions = conversation.interactions();
        for (int i = 0; i < interactions.size(); i++) {
            Turn turn = Turn.of(i + 1, interactions.get(i));
            if (interactions.get(i).id() == event.interactionId()) {
                latest = turn;
                break;
            }
            earlier.add(turn);
        }
        if (latest == null) {
            throw new NotFoundException("Interaction", event.interactionId());
        }
        AnswerLanguage language = AnswerLanguage.fromCode(conversation.language());
        Playbook playbook = playbooks.current();
        String system = prompts.fastSystem(playbook, language);
        KnowledgeBlock block = budget.fit(snippets, budget.fastTokens(), system,
                prompts.fastUser(earlier, latest, KnowledgeBlock.EMPTY, profile, language));
        if (!block.nuggetIds().isEmpty()) {
            // off the answer's way, once the answer's row exists: which nuggets the prompt carried, for audit
            row.thenRunAsync(() -> store.fastBasedOn(event.interactionId(), block.nuggetIds()), ASYNC);
        }
        return ChatRequest.builder()
                .messages(SystemMessage.from(system),
                        UserMessage.from(prompts.fastUser(earlier, latest, block, profile, language)))
                .build();
    }

    /**
     * The fast path retrieves for the newest turn alone: its answer is about the last statement, and the
     * query is embedded on the seller's critical path (the cost grows with its length); the deep analysis
     * retrieves for the newest four.
     */
    private static String retrievalQuery(InteractionRecorded event) {
        return Retrieval.query(List.of(new Turn(0, null, event.text())), 1);
    }

    private static int millisSince(long startNanos) {
        return (int) ((System.nanoTime() - startNanos) / 1_000_000);
    }
}
