package com.salescopilot.analysis.api;

import com.salescopilot.analysis.AnalysisService;
import com.salescopilot.analysis.AnalysisState;
import com.salescopilot.analysis.AnalysisStatus;
import com.salescopilot.security.Actor;
import com.salescopilot.session.InteractionDetailsContributor;
import com.salescopilot.session.InteractionView;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Puts the fast answer and the analysis (or its status) into the API's interaction. */
@Component
class AnalysisDetails implements InteractionDetailsContributor {

    private final AnalysisService analysis;

    AnalysisDetails(AnalysisService analysis) {
        this.analysis = analysis;
    }

    @Override
    public Map<String, Object> details(Actor actor, InteractionView interaction) {
        Map<String, Object> body = new LinkedHashMap<>();
        var fast = analysis.fastAnswer(actor, interaction.id());
        body.put("fast_status", fast.map(f -> f.status().code()).orElse("pending"));
        body.put("fast_result", fast.map(AnalysisJson::fast).orElse(null));
        AnalysisState state = analysis.stateOfInteraction(actor, interaction.id());
        body.put("analysis_status", state.status() == AnalysisStatus.NONE ? "none" : state.status().code());
        body.put("analysis_state", AnalysisJson.state(state));
        var stored = analysis.analysisOfInteraction(actor, interaction.id());
        body.put("analysis", stored.map(a -> AnalysisJson.analysis(a, analysis.evidence(actor, a))).orElse(null));
        return body;
    }

    @Override
    public Map<String, Object> justRecorded(InteractionView interaction) {
        return Map.of("fast_status", "pending", "analysis_status", "pending");
    }
}
