package com.salescopilot.analysis;

import java.util.List;

/**
 * One Big Five trait: a score 0–100, how sure the model is (0–100), why, verbatim quotes from the
 * session that support it, and the sales strategy that follows from it.
 */
public record TraitScore(int score, int confidence, String rationale, List<String> evidence, String strategy) {

    public TraitScore {
        rationale = Records.text(rationale);
        evidence = Records.list(evidence);
        strategy = Records.text(strategy);
    }
}
