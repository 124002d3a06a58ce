package com.salescopilot.analysis;

/** Where the client is on the customer journey, and how far through that stage (0–100 %). */
public record JourneyStage(BuyingStage stage, int progress, String rationale, String strategy, int confidence) {

    public JourneyStage {
        rationale = Records.text(rationale);
        strategy = Records.text(strategy);
    }
}
