package com.salescopilot.analysis;

import com.salescopilot.ai.AiErrorClassifier;
import com.salescopilot.ai.AiFailure;
import com.salescopilot.ai.AiProperties;
import com.salescopilot.analysis.ai.AnalysisPrompts;
import com.salescopilot.analysis.ai.AnalysisPrompts.KnowledgeBlock;
import com.salescopilot.analysis.ai.AnalysisSchema;
import com.salescopilot.analysis.ai.AnalysisValidator;
import com.salescopilot.analysis.ai.AnswerLanguage;
import com.salescopilot.analysis.ai.KnowledgeSnippet;
import com.salescopilot.analysis.ai.Turn;
import com.salescopilot.analysis.ai.ValidationReport;
import com.salescopilot.analysis.domain.AnalysisStore;
import com.salescopilot.analysis.queue.AnalysisFailure;
import com.salescopilot.analysis.queue.AnalysisJob;
import com.salescopilot.analysis.queue.AnalysisRunner;
import com.salescopilot.analysis.queue.CompletedAnalysis;
import com.salescopilot.base.NotFoundException;
import com.salescopilot.session.Conversation;
import com.salescopilot.session.InteractionView;
import com.salescopilot.session.SessionService;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The slow path's analyst: reads the whole session (as of the job's interaction), asks the analysis
 * model for structured JSON (schema in Ollama's {@code format}), validates it, and on an invalid
 * answer asks once more with the errors. Model failures become {@link AnalysisFailure}s with a reason
 * a person understands; the queue retries them with backoff.
 */
@Component
class LlmAnalysisRunner implements AnalysisRunner {

    private static final Logger log = LoggerFactory.getLogger(LlmAnalysisRunner.class);
    private static final int RETRIEVAL_TURNS = 4;

    private final SessionService sessions;
    private final ChatModel model;
    private final AiProperties ai;
    private final PlaybookService playbooks;
    private final KnowledgeRetriever knowledge;
    private final AnalysisStore store;
    private final JsonMapper json;
    private final PromptBudget budget;
    private final AnalysisPrompts prompts = AnalysisPrompts.standard();

    LlmAnalysisRunner(SessionService sessions, ChatModel analysisChatModel, AiProperties ai, PlaybookService playbooks,
                      List<KnowledgeRetriever> knowledge, AnalysisStore store, JsonMapper json, PromptBudget budget) {
        this.sessions = sessions;
        this.model = analysisChatModel;
        this.ai = ai;
        this.playbooks = playbooks;
        this.knowledge = knowledge.getFirst();
        this.store = store;
        this.json = json;
        this.budget = budget;
    }

    @Override
    public CompletedAnalysis run(AnalysisJob job) {
        long started = System.nanoTime();
        Conversation conversation;
        try {
            conversation = sessions.conversation(job.ownerId(), job.sessionId());
        } catch (NotFoundException e) {
            throw new AnalysisFailure("session_gone", "The session no longer exists.", false);
        }
        List<Turn> turns = new ArrayList<>();
        List<InteractionView> interactions = conversation.interactions();
        for (int i = 0; i < interactions.size(); i++) {
            turns.add(Turn.of(i + 1, interactions.get(i)));
            if (interactions.get(i).id() == job.interactionId()) {
                break;
            }
        }
        AnswerLanguage language = AnswerLanguage.fromCode(conversation.language());
        Playbook playbook = playbooks.current();
        AnalysisResult previous = store.latestOfSession(job.sessionId()).map(StoredAnalysis::result).orElse(null);
        List<KnowledgeSnippet> snippets = Retrieval.snippets(knowledge, turns, RETRIEVAL_TURNS, previous,
                conversation.language(), 6);

        List<AnsweredQuestion> answered = store.answeredQuestions(job.sessionId());
        List<String> answeredLines = answered.stream().map(a -> a.question() + " → " + a.answer()).toList();
        String system = prompts.analysisSystem(playbook, language);
        KnowledgeBlock block = budget.fit(snippets, budget.analysisTokens(), system,
                prompts.analysisUser(turns, KnowledgeBlock.EMPTY, previous, answeredLines, language));
        store.jobBasedOn(job.id(), block.nuggetIds());
        List<ChatMessage> messages = new ArrayList<>(List.of(
                SystemMessage.from(system),
                UserMessage.from(prompts.analysisUser(turns, block, previous, answeredLines, language))));
        ResponseFormat format = ResponseFormat.builder().type(ResponseFormatType.JSON)
                .jsonSchema(AnalysisSchema.forPlaybook(playbook)).build();
        AnalysisValidator validator = new AnalysisValidator(playbook);

        String raw = ask(messages, format);
        ValidationReport report = validator.check(raw);
        boolean repaired = false;
        String rawForAudit = raw;
        if (!report.valid()) {
            log.info("Analysis job {}: invalid answer ({} errors), asking once more", job.id(), report.errors().size());
            messages.add(AiMessage.from(raw == null || raw.isBlank() ? "(empty)" : raw));
            messages.add(UserMessage.from(prompts.repairUser(null, report.errors(), language)));
            String second = ask(messages, format);
            rawForAudit = raw + "\n\n----- repair answer -----\n\n" + second;
            report = validator.check(second);
            repaired = true;
            if (!report.valid()) {
                throw new AnalysisFailure("invalid_output",
                        "The model's answer was not a valid analysis, twice (" + report.errors().size() + " problems).", true);
            }
        }
        AnalysisResult result = withoutAnswered(report.result(), answered);
        List<String> texts = turns.stream().map(Turn::text).toList();
        EvidenceCheck evidence = EvidenceCheck.of(result, texts);
        return new CompletedAnalysis(json.writeValueAsString(result), rawForAudit,
                json.writeValueAsString(report.warnings()), repaired, ai.analysis().model(),
                (System.nanoTime() - started) / 1_000_000, json.writeValueAsString(evidence),
                evidence.verifiedPercent());
    }

    /** The result without clarifying questions the seller has already answered (in any case or spacing). */
    static AnalysisResult withoutAnswered(AnalysisResult result, List<AnsweredQuestion> answered) {
        if (answered.isEmpty() || result.clarifyingQuestions().isEmpty()) {
            return result;
        }
        List<ClarifyingQuestion> open = result.clarifyingQuestions().stream()
                .filter(q -> answered.stream().noneMatch(a -> a.answers(q))).toList();
        if (open.size() == result.clarifyingQuestions().size()) {
            return result;
        }
        return new AnalysisResult(result.bigFive(), result.disc(), result.schwartzValues(), result.clientDna(),
                result.indicators(), result.strategy(), open, result.overallConfidence(), result.needsMoreInformation());
    }

    private String ask(List<ChatMessage> messages, ResponseFormat format) {
        try {
            return model.chat(ChatRequest.builder().messages(messages).responseFormat(format).build()).aiMessage().text();
        } catch (RuntimeException e) {
            AiFailure failure = AiErrorClassifier.classify(e);
            throw new AnalysisFailure(failure.reason().name().toLowerCase(), failure.defaultMessage(), failure.retryable());
        }
    }
}
