package com.salescopilot.session;

import java.math.BigDecimal;
import java.time.Instant;

/** The outcome of a concluded session, stored as JSON in {@code sales_session.outcome_data}. */
public record OutcomeData(String outcome, String reason, String competitor, BigDecimal value, String currency,
                          String note, String concludedBy, Long concludedById, Instant concludedAt) {
}
