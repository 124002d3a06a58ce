package com.salescopilot.analysis;

/** One Schwartz value: how relevant it is to this client (0–100), why, and how to sell to it. */
public record ValueScore(int relevance, String rationale, String strategy) {

    public ValueScore {
        rationale = Records.text(rationale);
        strategy = Records.text(strategy);
    }
}
