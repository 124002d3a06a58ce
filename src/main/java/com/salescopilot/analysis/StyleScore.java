package com.salescopilot.analysis;

/** One DISC dimension: a score 0–100, why, and how to sell to it. */
public record StyleScore(int score, String rationale, String strategy) {

    public StyleScore {
        rationale = Records.text(rationale);
        strategy = Records.text(strategy);
    }
}
