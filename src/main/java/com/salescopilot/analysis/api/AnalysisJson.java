package com.salescopilot.analysis.api;

import com.salescopilot.analysis.AnalysisState;
import com.salescopilot.analysis.FastAnswerView;
import com.salescopilot.analysis.StoredAnalysis;
import java.util.LinkedHashMap;
import java.util.Map;

/** The API's JSON shapes of the analysis module's records (snake_case keys). */
final class AnalysisJson {

    private AnalysisJson() {
    }

    static Map<String, Object> state(AnalysisState state) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", state.status().code());
        body.put("job_id", state.jobId());
        body.put("covers_interaction_id", state.interactionId());
        body.put("since", state.since());
        body.put("attempts", state.attempts());
        body.put("max_attempts", state.maxAttempts());
        body.put("next_attempt_at", state.nextAttemptAt());
        body.put("error_code", state.errorCode());
        body.put("error_message", state.errorMessage());
        return body;
    }

    static Map<String, Object> fast(FastAnswerView fast) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", fast.status().code());
        if (fast.result() != null) {
            body.put("quick_response", Map.of("id", fast.result().quickResponseId(), "text", fast.result().quickResponse()));
            var questions = new java.util.ArrayList<Map<String, Object>>();
            for (int i = 0; i < fast.result().questions().size(); i++) {
                questions.add(Map.of("id", fast.result().questionId(i + 1), "text", fast.result().questions().get(i)));
            }
            body.put("suggested_questions", questions);
        }
        if (fast.partialText() != null && fast.result() == null) {
            body.put("partial_text", fast.partialText());
        }
        body.put("error_code", fast.errorCode());
        body.put("error_message", fast.errorMessage());
        body.put("model", fast.model());
        body.put("first_token_ms", fast.firstTokenMs());
        body.put("total_ms", fast.totalMs());
        return body;
    }

    static Map<String, Object> analysis(StoredAnalysis analysis) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", analysis.id());
        body.put("covers_interaction_id", analysis.interactionId());
        body.put("created_at", analysis.createdAt());
        body.put("model", analysis.model());
        body.put("repaired", analysis.repaired());
        body.put("result", analysis.result());
        body.put("suggestions", analysis.result().suggestions());
        return body;
    }

    /** The analysis with its evidence check: the share of verified quotes and each quote with its trait. */
    static Map<String, Object> analysis(StoredAnalysis analysis, com.salescopilot.analysis.EvidenceCheck evidence) {
        Map<String, Object> body = analysis(analysis);
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("verified_percent", evidence.verifiedPercent());
        check.put("verified", evidence.verifiedCount());
        check.put("total", evidence.total());
        check.put("quotes", evidence.quotes());
        body.put("evidence", check);
        return body;
    }
}
