package com.salescopilot.session;

import java.math.BigDecimal;

/**
 * What the seller says when concluding: outcome ({@code won}/{@code lost}), for lost an optional
 * reason and competitor, an optional deal value and a note. Strings are parsed by the service so that
 * the UI and the API report bad values the same way.
 */
public record Conclusion(String outcome, String reason, String competitor, BigDecimal value, String currency,
                         String note) {
}
