package com.salescopilot.analysis;

import java.util.List;

/**
 * The risk of losing the client, 0–100, with its level (low &lt; 34 ≤ medium &lt; 67 ≤ high; after
 * validation the level always matches the score) and the factors behind it.
 */
public record ChurnRisk(int score, RiskLevel level, List<String> riskFactors, String rationale, String strategy,
                        int confidence) {

    public ChurnRisk {
        riskFactors = Records.list(riskFactors);
        rationale = Records.text(rationale);
        strategy = Records.text(strategy);
    }

    /** The level that the score implies (whatever {@link #level()} says). */
    public RiskLevel derivedLevel() {
        return RiskLevel.of(score);
    }
}
