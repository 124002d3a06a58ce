package com.salescopilot.analysis;

import java.util.List;

/**
 * How to sell to this client: the buyer archetype (one of the playbook's) with confidence and a
 * runner-up, the main analysis, strategic notes (≤ 5), suggested actions (≤ 6), buy and risk signals,
 * objection handlers, the next best action and when to follow up. The caps hold after validation.
 */
public record Strategy(String archetype, int archetypeConfidence, String runnerUpArchetype, String mainAnalysis,
                       List<String> strategicNotes, List<String> suggestedActions, List<String> buySignals,
                       List<String> riskSignals, List<ObjectionHandler> objectionHandlers, String nextBestAction,
                       String followUpTiming) {

    public Strategy {
        archetype = Records.text(archetype);
        runnerUpArchetype = Records.text(runnerUpArchetype);
        mainAnalysis = Records.text(mainAnalysis);
        strategicNotes = Records.list(strategicNotes);
        suggestedActions = Records.list(suggestedActions);
        buySignals = Records.list(buySignals);
        riskSignals = Records.list(riskSignals);
        objectionHandlers = Records.list(objectionHandlers);
        nextBestAction = Records.text(nextBestAction);
        followUpTiming = Records.text(followUpTiming);
    }
}
