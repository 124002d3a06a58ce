package com.salescopilot.analysis;

import java.math.BigDecimal;

/**
 * What the deal may be worth: a value (≥ 0, in {@code currency}, normally the playbook's), the
 * probability of closing it (0–100) and the timeframe in words ("within 2 weeks").
 */
public record SalesPotential(BigDecimal value, String currency, int probability, String timeframe, String rationale,
                             String strategy, int confidence) {

    public SalesPotential {
        value = value == null ? BigDecimal.ZERO : value;
        currency = Records.text(currency);
        timeframe = Records.text(timeframe);
        rationale = Records.text(rationale);
        strategy = Records.text(strategy);
    }

    /** Value × probability, the weighted pipeline value. */
    public BigDecimal expectedValue() {
        return value.multiply(BigDecimal.valueOf(probability)).divide(BigDecimal.valueOf(100));
    }
}
