package com.salescopilot.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * The slow path's deep analysis of a whole session (PRODUCT.md section 4 "Slow path"). In JSON the
 * names are snake_case ({@code big_five}, {@code next_best_action} …), as the app's Jackson and the
 * schema sent to the model both write them.
 * <p>
 * A result that passed the validator has every part present, every score in 0–100, bands and levels
 * that match their scores, and lists within their caps; an unvalidated one (straight from the model)
 * may have null parts. The suggestion ids of the items are described in {@link SuggestionIds}.
 */
public record AnalysisResult(BigFive bigFive, Disc disc, SchwartzValues schwartzValues, ClientDna clientDna,
                             Indicators indicators, Strategy strategy, List<ClarifyingQuestion> clarifyingQuestions,
                             int overallConfidence, boolean needsMoreInformation) {

    public static final int MAX_STRATEGIC_NOTES = 5;
    public static final int MAX_SUGGESTED_ACTIONS = 6;
    public static final int MAX_CLARIFYING_QUESTIONS = 2;
    public static final int MAX_TOP_VALUES = 3;

    public AnalysisResult {
        clarifyingQuestions = Records.list(clarifyingQuestions);
    }

    /**
     * Every addressable item with its stable id, in display order: archetype, main analysis,
     * strategic notes, suggested actions, buy signals, risk signals, objection handlers, next best
     * action, follow-up timing, clarifying questions. Blank items are skipped but keep their number
     * (a validated result has none).
     */
    public List<Suggestion> suggestions() {
        List<Suggestion> items = new ArrayList<>();
        if (strategy != null) {
            add(items, SuggestionIds.ARCHETYPE, SuggestionKind.ARCHETYPE, strategy.archetype());
            add(items, SuggestionIds.MAIN_ANALYSIS, SuggestionKind.MAIN_ANALYSIS, strategy.mainAnalysis());
            addAll(items, strategy.strategicNotes(), SuggestionKind.STRATEGIC_NOTE, SuggestionIds::strategicNote);
            addAll(items, strategy.suggestedActions(), SuggestionKind.SUGGESTED_ACTION, SuggestionIds::suggestedAction);
            addAll(items, strategy.buySignals(), SuggestionKind.BUY_SIGNAL, SuggestionIds::buySignal);
            addAll(items, strategy.riskSignals(), SuggestionKind.RISK_SIGNAL, SuggestionIds::riskSignal);
            addAll(items, strategy.objectionHandlers().stream().map(AnalysisResult::handlerText).toList(),
                    SuggestionKind.OBJECTION_HANDLER, SuggestionIds::objectionHandler);
            add(items, SuggestionIds.NEXT_BEST_ACTION, SuggestionKind.NEXT_BEST_ACTION, strategy.nextBestAction());
            add(items, SuggestionIds.FOLLOW_UP_TIMING, SuggestionKind.FOLLOW_UP_TIMING, strategy.followUpTiming());
        }
        addAll(items, clarifyingQuestions.stream().map(AnalysisResult::questionText).toList(),
                SuggestionKind.CLARIFYING_QUESTION, SuggestionIds::clarifyingQuestion);
        return List.copyOf(items);
    }

    /** The item with this id, if this result has it. */
    public Optional<Suggestion> suggestion(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return suggestions().stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The clarifying question with id {@code cq_<n>}, if present. */
    public Optional<ClarifyingQuestion> clarifyingQuestion(String id) {
        for (int i = 0; i < clarifyingQuestions.size(); i++) {
            if (SuggestionIds.clarifyingQuestion(i + 1).equals(id)) {
                return Optional.of(clarifyingQuestions.get(i));
            }
        }
        return Optional.empty();
    }

    /** The objection handler with id {@code oh_<n>}, if present. */
    public Optional<ObjectionHandler> objectionHandler(String id) {
        if (strategy == null) {
            return Optional.empty();
        }
        List<ObjectionHandler> handlers = strategy.objectionHandlers();
        for (int i = 0; i < handlers.size(); i++) {
            if (SuggestionIds.objectionHandler(i + 1).equals(id)) {
                return Optional.of(handlers.get(i));
            }
        }
        return Optional.empty();
    }

    private static String handlerText(ObjectionHandler handler) {
        if (handler.objection().isBlank()) {
            return handler.response();
        }
        return handler.response().isBlank() ? "" : handler.objection() + " → " + handler.response();
    }

    private static String questionText(ClarifyingQuestion question) {
        if (question.question().isBlank()) {
            return "";
        }
        return question.question() + " (A: " + question.optionA() + " / B: " + question.optionB() + ")";
    }

    private static void add(List<Suggestion> items, String id, SuggestionKind kind, String text) {
        if (text != null && !text.isBlank()) {
            items.add(new Suggestion(id, kind, text));
        }
    }

    private static void addAll(List<Suggestion> items, List<String> texts, SuggestionKind kind, IntFunction<String> id) {
        for (int i = 0; i < texts.size(); i++) {
            add(items, id.apply(i + 1), kind, texts.get(i));
        }
    }
}
