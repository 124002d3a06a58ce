package com.salescopilot.analysis.ai;

import com.salescopilot.analysis.FastResult;
import java.util.List;

/** The fast path's answer as parsed: what to say now and up to five questions. */
public record FastAnswer(String quickResponse, List<String> questions) {

    public FastAnswer {
        quickResponse = quickResponse == null ? "" : quickResponse;
        questions = questions == null ? List.of() : List.copyOf(questions);
    }

    public boolean blank() {
        return quickResponse.isBlank() && questions.isEmpty();
    }

    /** The stored form with its suggestion ids ({@code qr_<id>}, {@code sq_<id>_<n>}). */
    public FastResult toResult(long interactionId) {
        return new FastResult(interactionId, quickResponse, questions);
    }
}
