package com.salescopilot.analysis;

/**
 * How ready the client is to buy, 0–100, with its band (cold &lt; 34 ≤ warm &lt; 67 ≤ hot; after
 * validation the band always matches the score).
 */
public record PurchaseTemperature(int score, TemperatureBand band, String rationale, String strategy, int confidence) {

    public PurchaseTemperature {
        rationale = Records.text(rationale);
        strategy = Records.text(strategy);
    }

    /** The band that the score implies (whatever {@link #band()} says). */
    public TemperatureBand derivedBand() {
        return TemperatureBand.of(score);
    }
}
