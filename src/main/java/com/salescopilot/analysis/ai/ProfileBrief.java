package com.salescopilot.analysis.ai;

import com.salescopilot.analysis.AnalysisResult;
import com.salescopilot.analysis.SchwartzValue;
import java.util.ArrayList;
import java.util.List;

/**
 * A few lines summing up an analysis for a prompt: the fast path reads it to stay in line with the
 * profile, the slow path to update the previous analysis instead of starting over.
 */
public final class ProfileBrief {

    public static final String NONE = "(no analysis yet)";

    private ProfileBrief() {
    }

    public static String of(AnalysisResult analysis) {
        if (analysis == null) {
            return NONE;
        }
        List<String> lines = new ArrayList<>();
        if (analysis.strategy() != null && !analysis.strategy().archetype().isBlank()) {
            lines.add("Archetype: " + analysis.strategy().archetype() + " (confidence "
                    + analysis.strategy().archetypeConfidence() + ")");
        }
        if (analysis.disc() != null && analysis.disc().primaryStyle() != null) {
            lines.add("DISC primary style: " + analysis.disc().primaryStyle().letter());
        }
        if (analysis.schwartzValues() != null && !analysis.schwartzValues().topValues().isEmpty()) {
            lines.add("Top values: " + String.join(", ",
                    analysis.schwartzValues().topValues().stream().map(SchwartzValue::code).toList()));
        }
        if (analysis.clientDna() != null) {
            addIfSet(lines, "Summary", analysis.clientDna().summary());
            addIfSet(lines, "Main drive", analysis.clientDna().mainDrive());
            if (analysis.clientDna().communicationStyle() != null) {
                addIfSet(lines, "Talk to them", analysis.clientDna().communicationStyle().approach());
            }
        }
        var indicators = analysis.indicators();
        if (indicators != null) {
            List<String> parts = new ArrayList<>();
            if (indicators.purchaseTemperature() != null) {
                parts.add("temperature " + indicators.purchaseTemperature().score() + " ("
                        + indicators.purchaseTemperature().derivedBand().code() + ")");
            }
            if (indicators.journeyStage() != null && indicators.journeyStage().stage() != null) {
                parts.add("stage " + indicators.journeyStage().stage().code());
            }
            if (indicators.churnRisk() != null) {
                parts.add("churn risk " + indicators.churnRisk().score() + " ("
                        + indicators.churnRisk().derivedLevel().code() + ")");
            }
            if (!parts.isEmpty()) {
                lines.add("Indicators: " + String.join(", ", parts));
            }
        }
        if (analysis.strategy() != null) {
            addIfSet(lines, "Next best action", analysis.strategy().nextBestAction());
        }
        lines.add("Overall confidence: " + analysis.overallConfidence()
                + (analysis.needsMoreInformation() ? " (needs more information)" : ""));
        return String.join("\n", lines.stream().map(l -> PromptText.shorten(PromptText.oneLine(l), 400)).toList());
    }

    private static void addIfSet(List<String> lines, String label, String value) {
        if (value != null && !value.isBlank()) {
            lines.add(label + ": " + value);
        }
    }
}
