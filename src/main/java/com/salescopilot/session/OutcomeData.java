package com.salescopilot.session;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The outcome of a concluded session, stored as JSON in {@code sales_session.outcome_data}. The names
 * are fixed here (snake_case, times as ISO-8601) so the stored document and the API read the same,
 * whichever JSON mapper writes it.
 */
public record OutcomeData(
        @JsonProperty("outcome") String outcome,
        @JsonProperty("reason") String reason,
        @JsonProperty("competitor") String competitor,
        @JsonProperty("value") BigDecimal value,
        @JsonProperty("currency") String currency,
        @JsonProperty("note") String note,
        @JsonProperty("concluded_by") String concludedBy,
        @JsonProperty("concluded_by_id") Long concludedById,
        @JsonProperty("concluded_at") @JsonFormat(shape = JsonFormat.Shape.STRING) Instant concludedAt) {
}
