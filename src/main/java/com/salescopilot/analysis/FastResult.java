package com.salescopilot.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The fast path's answer to one interaction: a quick response (what to say now, 1–3 sentences) and
 * up to five suggested questions. Ids: {@code qr_<interactionId>} and {@code sq_<interactionId>_<n>}
 * with n from 1 (see {@link SuggestionIds}); they follow from the stored fields, so they are stable.
 */
public record FastResult(long interactionId, String quickResponse, List<String> questions) {

    public static final int MAX_QUESTIONS = 5;

    /** Strips the texts, drops blank questions and keeps at most {@link #MAX_QUESTIONS}. */
    public FastResult {
        quickResponse = Records.text(quickResponse).strip();
        List<String> kept = new ArrayList<>();
        for (String question : Records.list(questions)) {
            if (!question.isBlank() && kept.size() < MAX_QUESTIONS) {
                kept.add(question.strip());
            }
        }
        questions = List.copyOf(kept);
    }

    public String quickResponseId() {
        return SuggestionIds.quickResponse(interactionId);
    }

    /** @param n 1-based */
    public String questionId(int n) {
        return SuggestionIds.suggestedQuestion(interactionId, n);
    }

    /** The quick response (if not blank) and the questions, each with its id. */
    public List<Suggestion> suggestions() {
        List<Suggestion> items = new ArrayList<>();
        if (!quickResponse.isEmpty()) {
            items.add(new Suggestion(quickResponseId(), SuggestionKind.QUICK_RESPONSE, quickResponse));
        }
        for (int i = 0; i < questions.size(); i++) {
            items.add(new Suggestion(questionId(i + 1), SuggestionKind.SUGGESTED_QUESTION, questions.get(i)));
        }
        return List.copyOf(items);
    }

    public Optional<Suggestion> suggestion(String id) {
        return suggestions().stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** True when the model gave nothing usable. */
    public boolean blank() {
        return quickResponse.isEmpty() && questions.isEmpty();
    }
}
